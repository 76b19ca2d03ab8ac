package dev.textopt.adapter.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that nothing in their transaction reads back, held until just before it commits and then sent
 * together, in one round trip instead of one each ({@link OneRoundTrip}). A step's end is most of them (its parameters' values, its
 * history entry, a run's clear_grad, its events): four round trips became one (BENCHMARKS.md, 14).
 *
 * <p>Only for writes whose callers need no answer but "it worked": each may bring a check of its result (a
 * query's row count, an update's count), run at the flush; a write or a check that fails there fails the
 * commit, and the transaction rolls back as it would have where the write was asked for. They are written in
 * the order they were asked for, after every statement the transaction sent itself. Outside a transaction, a
 * write is done at once.
 */
@Component
class DeferredWrites {

    /** A statement, its values, and a check of its result. */
    private record Write(String sql, Object[] values, LongConsumer check) {
    }

    private final JdbcTemplate jdbc;

    DeferredWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void add(String sql, Object... values) {
        add(sql, result -> { }, values);
    }

    void add(String sql, LongConsumer check, Object... values) {
        var write = new Write(sql, values, check);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            send(List.of(write));
            return;
        }
        var pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        pending.writes.add(write);
    }

    /** A transaction's writes, sent before it commits; forgotten if it rolls back. */
    private final class Pending implements TransactionSynchronization {

        final List<Write> writes = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            send(writes);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DeferredWrites.this);
        }
    }

    private void send(List<Write> writes) {
        if (!writes.isEmpty()) {
            OneRoundTrip.send(jdbc, writes.stream().map(w -> new OneRoundTrip.Part(w.sql(), w.values(), (rows, updated) -> {
                long count = updated;
                if (rows != null) {
                    count = 0;
                    while (rows.next()) {
                        count++;
                    }
                }
                w.check().accept(count);
            })).toList());
        }
    }
}
