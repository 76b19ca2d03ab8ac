package dev.textopt.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.textopt.support.EndToEndTest;
import dev.textopt.support.Sql;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deferred writes are sent together as their transaction commits: after the transaction's own statements, in the
 * order they were asked for, not at all if it rolls back, and a failed check of one rolls the whole
 * transaction back, as a failure where it was asked for would have.
 */
class DeferredWritesTest extends EndToEndTest {

    private static final String DOUBLE = "UPDATE optimizer_session SET step_count = step_count * 2 WHERE id = ?";
    private static final String PLUS_ONE = "UPDATE optimizer_session SET step_count = step_count + 1 WHERE id = ?";

    @Autowired
    DeferredWrites deferred;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate tx;

    private final UUID session = UUID.randomUUID();

    @BeforeEach
    void aSession() throws SQLException {
        Sql.update("INSERT INTO optimizer_session (id, optimizer, defaults, created_at, updated_at) VALUES (?, 'TGD', '{}', now(), now())",
                session);
    }

    @AfterEach
    void deleteIt() throws SQLException {
        Sql.update("DELETE FROM optimizer_session WHERE id = ?", session);
    }

    @Test
    void writtenAtTheCommitInTheOrderAskedAfterTheTransactionsOwnStatements() throws SQLException {
        tx.executeWithoutResult(status -> {
            deferred.add(DOUBLE, session);
            deferred.add(PLUS_ONE, session);
            jdbc.update("UPDATE optimizer_session SET step_count = 5 WHERE id = ?", session);
            assertThat(jdbc.queryForObject("SELECT step_count FROM optimizer_session WHERE id = ?", Integer.class, session))
                    .as("not yet").isEqualTo(5);
        });
        assertThat(stepCount()).as("(5 × 2) + 1").isEqualTo(11);

        deferred.add(PLUS_ONE, session);
        assertThat(stepCount()).as("outside a transaction, at once").isEqualTo(12);
    }

    @Test
    void notWrittenWhenTheTransactionRollsBack() throws SQLException {
        tx.executeWithoutResult(status -> {
            deferred.add(PLUS_ONE, session);
            status.setRollbackOnly();
        });
        tx.executeWithoutResult(status -> deferred.add(DOUBLE, session)); // nothing left over from the one before
        assertThat(stepCount()).isZero();
    }

    @Test
    void aFailedCheckRollsTheWholeTransactionBack() throws SQLException {
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            jdbc.update("UPDATE optimizer_session SET step_count = 7 WHERE id = ?", session);
            deferred.add(PLUS_ONE, updated -> {
                throw new IllegalStateException("updated " + updated);
            }, UUID.randomUUID());
        })).hasMessage("updated 0");
        assertThat(stepCount()).isZero();
    }

    private long stepCount() throws SQLException {
        return Sql.count("SELECT step_count FROM optimizer_session WHERE id = ?", session);
    }
}
