package dev.textopt.adapter.persistence;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ParamRepository extends JpaRepository<ParamEntity, UUID> {

    /** The parameters a session had right after history entry {@code number}, in group order. */
    @Query("""
            select p from ParamEntity p where p.sessionId = :sessionId and p.addedAtEntry <= :number
             order by p.group.position, p.position""")
    List<ParamEntity> joinedBy(UUID sessionId, int number);
}
