package dev.textopt.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupRepository extends JpaRepository<GroupEntity, Long> {

    List<GroupEntity> findBySessionIdOrderByPosition(UUID sessionId);

    int countBySessionId(UUID sessionId);
}
