package dev.clobcancel.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Each benchmark recovers the wallet that signed: it measures a check that passes, not one that fails early. */
class SignatureCheckBenchmarkTest {

    @Test
    void everyCheckRecoversTheSigner() {
        SignatureCheckBenchmark benchmark = new SignatureCheckBenchmark();
        benchmark.signAnOrderAndAnL1Header();
        String signer = SignatureCheckBenchmark.WALLET.address().toLowerCase(Locale.ROOT);

        assertThat(benchmark.orderHash()).isEqualTo(benchmark.orderDigest);
        assertThat(benchmark.recovery()).contains(signer);
        assertThat(benchmark.orderCheck()).contains(signer);
        assertThat(benchmark.l1Check()).contains(signer);
        assertThat(benchmark.nativeRecovery()).isEqualTo(signer);
    }
}
