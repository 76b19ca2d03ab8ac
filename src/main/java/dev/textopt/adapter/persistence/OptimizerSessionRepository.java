package dev.textopt.adapter.persistence;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/** Optimizer sessions (named so, beside Spring Session's sessionRepository of the web view's sign-ins). */
interface OptimizerSessionRepository extends JpaRepository<SessionEntity, UUID> {

    long countByTenant(String tenant);

    /** The tenant's session with its row locked until the transaction ends. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<SessionEntity> findByIdAndTenant(UUID id, String tenant);

    /** One statement; PostgreSQL deletes the rest with ON DELETE CASCADE. */
    @Modifying
    @Query("delete from SessionEntity s where s.id = :id and s.tenant = :tenant")
    int deleteByIdAndTenant(UUID id, String tenant);
}
