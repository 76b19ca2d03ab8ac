package dev.textopt.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ParamRepository extends JpaRepository<ParamEntity, UUID> {

    List<ParamEntity> findBySessionIdOrderByGroupIdAscPositionAsc(UUID sessionId);
}
