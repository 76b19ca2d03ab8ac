package dev.textopt.adapter.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TraceRepository extends JpaRepository<TraceEntity, UUID> {

    @Query("""
            SELECT t FROM TraceEntity t WHERE t.sessionId = :sessionId AND t.id IN :ids AND t.expiresAt > :now
               AND EXISTS (SELECT s.id FROM SessionEntity s WHERE s.id = :sessionId AND s.tenant = :tenant)""")
    List<TraceEntity> findOwn(UUID sessionId, Collection<UUID> ids, String tenant, Instant now);

    @Query(nativeQuery = true, value = """
            SELECT t.id FROM trace t JOIN optimizer_session s ON s.id = t.session_id
             WHERE t.id IN (:ids) AND t.session_id <> :sessionId AND s.tenant = :tenant AND t.expires_at > :now""")
    List<UUID> ofOtherSessions(UUID sessionId, Collection<UUID> ids, String tenant, Instant now);

    /**
     * Each parameter of the session with the number of the last succeeded history entry that gave it a new
     * value (its data differs from what it was before the entry), else the entry it joined after.
     */
    @Query(nativeQuery = true, value = """
            SELECT CAST(p.id AS text) AS id,
                   COALESCE((SELECT max(e.number) FROM step_param sp JOIN step_entry e ON e.id = sp.step_id
                              WHERE sp.param_id = p.id AND e.session_id = p.session_id AND e.status = 'succeeded'
                                AND sp.data IS NOT NULL AND sp.data IS DISTINCT FROM sp.previous_data),
                            p.added_at_entry) AS version
              FROM parameter p WHERE p.session_id = :sessionId""")
    List<Object[]> paramVersions(UUID sessionId);

    @Modifying
    @Query(nativeQuery = true, value = "DELETE FROM trace WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
