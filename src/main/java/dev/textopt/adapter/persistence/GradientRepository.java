package dev.textopt.adapter.persistence;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface GradientRepository extends JpaRepository<GradientEntity, Long> {

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = """
            DELETE FROM gradient WHERE param_id IN (SELECT id FROM parameter WHERE session_id = :sessionId)""")
    int deleteBySession(UUID sessionId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "DELETE FROM gradient WHERE param_id = :paramId")
    int deleteByParam(UUID paramId);
}
