package dev.textopt.adapter.persistence;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UsageRepository extends JpaRepository<UsageEntity, UsageEntity.Key> {

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "DELETE FROM model_usage WHERE session_id = :sessionId")
    int deleteBySession(UUID sessionId);
}
