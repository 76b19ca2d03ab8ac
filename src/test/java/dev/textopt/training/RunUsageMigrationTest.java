package dev.textopt.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.textopt.support.TestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V12 moves a run's usage from a JSON column to rows of run_usage: a run that was going when an instance was
 * upgraded keeps what it had counted, an unknown cost stays unknown. Run on a database of its own, migrated to
 * V11 first.
 */
class RunUsageMigrationTest {

    @Test
    void aRunsUsageCountedBeforeTheUpgradeIsKeptInRows() throws SQLException {
        var db = TestDatabase.get();
        String name = "migration_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection admin = DriverManager.getConnection(db.url(), db.username(), db.password())) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        }
        String url = db.url().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
        try {
            migrate(url, "11");
            UUID session = UUID.randomUUID();
            UUID run = UUID.randomUUID();
            try (Connection c = DriverManager.getConnection(url, db.username(), db.password())) {
                var s = c.prepareStatement("""
                        INSERT INTO optimizer_session (id, optimizer, defaults, created_at, updated_at) VALUES (?, 'TGD', '{}', now(), now())""");
                s.setObject(1, session);
                s.executeUpdate();
                var r = c.prepareStatement("""
                        INSERT INTO training_run (id, session_id, status, spec, start_entry, total_steps, usage, created_at)
                        VALUES (?, ?, 'running', '{}', 0, 4, CAST(? AS jsonb), now())""");
                r.setObject(1, run);
                r.setObject(2, session);
                r.setString(3, """
                        {"openai": {"prompt_tokens": 120, "completion_tokens": 30, "cost_amount": "0.0425", "currency": "USD"},
                         "local": {"prompt_tokens": 5, "completion_tokens": 1, "cost_amount": null, "currency": "USD"}}""");
                r.executeUpdate();
            }
            migrate(url, "12");
            try (Connection c = DriverManager.getConnection(url, db.username(), db.password())) {
                var rows = c.prepareStatement("""
                        SELECT client_name, prompt_tokens, completion_tokens, cost_amount, currency FROM run_usage WHERE run_id = ? ORDER BY client_name""");
                rows.setObject(1, run);
                var found = new StringBuilder();
                try (var rs = rows.executeQuery()) {
                    while (rs.next()) {
                        found.append(rs.getString(1)).append(' ').append(rs.getLong(2)).append(' ').append(rs.getLong(3)).append(' ')
                                .append(rs.getBigDecimal(4) == null ? "unknown" : rs.getBigDecimal(4).stripTrailingZeros().toPlainString())
                                .append(' ').append(rs.getString(5)).append(';');
                    }
                }
                assertThat(found).hasToString("local 5 1 unknown USD;openai 120 30 0.0425 USD;");
            }
        } finally {
            try (Connection admin = DriverManager.getConnection(db.url(), db.username(), db.password())) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    private static void migrate(String url, String target) {
        var db = TestDatabase.get();
        Flyway.configure().dataSource(url, db.username(), db.password()).locations("classpath:db/migration").target(target).load().migrate();
    }
}
