package dev.textopt.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ClosurePolicyTest {

    private static ClosurePolicy allowing(String... hosts) {
        return new ClosurePolicy(new ClosureSettings(List.of(hosts), Duration.ofSeconds(1), DataSize.ofKilobytes(1)));
    }

    @Test
    void closuresAreOffUntilAHostIsAllowed() {
        assertThatThrownBy(() -> allowing().check("http://127.0.0.1/loss"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("closures are off");
    }

    @Test
    void aHostNotOnTheListIsRefused() {
        assertThatThrownBy(() -> allowing("127.0.0.1").check("http://127.0.0.2/loss"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("not allowed");
    }

    @Test
    void anAllowedNameThatResolvesToAnInternalAddressNeedsThatAddressAllowedToo() {
        assertThatThrownBy(() -> allowing("localhost").check("http://localhost:9/loss"))
                .isInstanceOf(BadRequestException.class).hasMessageContaining("internal address");
        assertThat(allowing("localhost", "127.0.0.1", "::1", "0:0:0:0:0:0:0:1").check("http://localhost:9/loss").getHost()).isEqualTo("localhost");
    }

    @Test
    void anAllowedAddressLiteralIsExplicitEnough() {
        assertThat(allowing("127.0.0.1").check("http://127.0.0.1:9/loss").getPort()).isEqualTo(9);
    }

    @Test
    void onlyHttpAndHttpsAreCalled() {
        assertThatThrownBy(() -> allowing("127.0.0.1").check("file:///etc/passwd")).isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> allowing("127.0.0.1").check("gopher://127.0.0.1/x")).isInstanceOf(BadRequestException.class);
    }

    @Test
    void cloudMetadataAndPrivateRangesCountAsInternal() throws Exception {
        for (String address : List.of("169.254.169.254", "10.1.2.3", "172.16.0.1", "192.168.1.1", "100.64.0.1", "fd00::1", "::1", "0.0.0.0")) {
            assertThat(ClosurePolicy.internal(java.net.InetAddress.getByName(address))).as(address).isTrue();
        }
        assertThat(ClosurePolicy.internal(java.net.InetAddress.getByName("93.184.216.34"))).isFalse();
    }
}
