package dev.textopt.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Plain statements on the shared test database, for states no API call leaves behind and for counting rows. */
public final class Sql {

    private Sql() {
    }

    /** A connection of the test's own. */
    public static Connection connect() throws SQLException {
        var db = TestDatabase.get();
        return DriverManager.getConnection(db.url(), db.username(), db.password());
    }

    public static int update(String sql, Object... params) throws SQLException {
        try (var connection = connect(); var statement = prepare(connection, sql, params)) {
            return statement.executeUpdate();
        }
    }

    public static long count(String sql, Object... params) throws SQLException {
        try (var connection = connect(); var statement = prepare(connection, sql, params); var rows = statement.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        var statement = connection.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            statement.setObject(i + 1, params[i]);
        }
        return statement;
    }
}
