package dev.textopt.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ParamRepository extends JpaRepository<ParamEntity, UUID> {

    List<ParamEntity> findBySessionIdOrderByGroupIdAscPositionAsc(UUID sessionId);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "UPDATE parameter SET data = :data WHERE id = :id")
    int setData(UUID id, String data);

    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query(nativeQuery = true, value = "UPDATE parameter SET momentum_buffer = CAST(:buffer AS jsonb) WHERE id = :id")
    int setMomentumBuffer(UUID id, String buffer);
}
