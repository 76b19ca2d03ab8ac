package dev.textopt.adapter.persistence;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface TraceRepository extends JpaRepository<TraceEntity, UUID> {

    @Query(nativeQuery = true, value = """
            SELECT t.id FROM trace t JOIN optimizer_session s ON s.id = t.session_id
             WHERE t.id IN (:ids) AND t.session_id <> :sessionId AND s.tenant = :tenant AND t.expires_at > :now""")
    List<UUID> ofOtherSessions(UUID sessionId, Collection<UUID> ids, String tenant, Instant now);

    @Modifying
    @Query(nativeQuery = true, value = "DELETE FROM trace WHERE expires_at <= :now")
    int deleteExpired(Instant now);
}
