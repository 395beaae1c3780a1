package dev.clobcancel.simulator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate made at start for the names the simulator answers to ({@code localhost},
 * {@code 127.0.0.1}, {@code ::1} and its {@code --host}), so a client that trusts the PEM file
 * also verifies the host name, as it would with the exchange.
 */
final class SelfSignedCertificate {

    private static final Duration VALIDITY = Duration.ofDays(30);

    private final String certificatePem;
    private final String privateKeyPem;
    private final Path certificateFile;

    private SelfSignedCertificate(String certificatePem, String privateKeyPem, Path certificateFile) {
        this.certificatePem = certificatePem;
        this.privateKeyPem = privateKeyPem;
        this.certificateFile = certificateFile;
    }

    /** A fresh RSA key and a certificate for {@code host} and the loopback names, its PEM written to a temporary file. */
    static SelfSignedCertificate create(String host) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, new SecureRandom());
            KeyPair keys = generator.generateKeyPair();
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name("CN=clob-simulator"),
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), new X500Name("CN=clob-simulator"), keys.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names(host)));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
            String certificatePem = pem(certificate);
            Path file = Files.createTempFile("clob-simulator-", ".crt");
            file.toFile().deleteOnExit();
            Files.writeString(file, certificatePem, StandardCharsets.US_ASCII);
            return new SelfSignedCertificate(certificatePem, pem(keys.getPrivate()), file);
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("cannot make a self-signed certificate: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the self-signed certificate", e);
        }
    }

    private static GeneralName[] names(String host) {
        Set<String> hosts = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1", host));
        List<GeneralName> names = new ArrayList<>();
        for (String name : hosts) {
            boolean address = name.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
            names.add(new GeneralName(address ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        return names.toArray(GeneralName[]::new);
    }

    private static String pem(Object object) throws IOException {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    String certificatePem() {
        return certificatePem;
    }

    String privateKeyPem() {
        return privateKeyPem;
    }

    /** The certificate's PEM file, for a client to trust. */
    Path certificateFile() {
        return certificateFile;
    }

    void delete() {
        try {
            Files.deleteIfExists(certificateFile);
        } catch (IOException e) {
            // A temporary file left behind is harmless; it is also deleted on exit.
        }
    }

    @Override
    public String toString() {
        return "SelfSignedCertificate[" + certificateFile + ", key=<redacted>]";
    }
}
