package dev.textopt.adapter.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Several statements that do not depend on each other's results, sent as one prepared statement: the PostgreSQL
 * driver sends all of them before it waits for the first answer, so they cost one round trip, not one each (on
 * this machine a round trip is most of a statement's cost, BENCHMARKS.md, 13). Each statement's result is handed
 * to its own handler, in order: a query's rows, or an update's count.
 */
final class OneRoundTrip {

    /** What a statement gave: its rows if it is a query (else null), or its update count. */
    @FunctionalInterface
    interface Result {
        void handle(ResultSet rows, long updated) throws SQLException;
    }

    record Part(String sql, Object[] values, Result result) {

        /** A query whose every row goes to {@code row}. */
        static Part eachRow(String sql, Object[] values, RowCallbackHandler row) {
            return new Part(sql, values, (rows, updated) -> {
                while (rows.next()) {
                    row.processRow(rows);
                }
            });
        }
    }

    private OneRoundTrip() {
    }

    static void send(JdbcTemplate jdbc, List<Part> parts) {
        String sql = parts.stream().map(Part::sql).collect(Collectors.joining(";\n"));
        Object[] values = parts.stream().flatMap(p -> Arrays.stream(p.values())).toArray();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                new ArgumentPreparedStatementSetter(values).setValues(statement);
                boolean query = statement.execute();
                for (Part part : parts) {
                    if (query) {
                        try (ResultSet rows = statement.getResultSet()) {
                            part.result().handle(rows, -1);
                        }
                    } else {
                        part.result().handle(null, statement.getUpdateCount());
                    }
                    query = statement.getMoreResults();
                }
            }
            return null;
        });
    }
}
