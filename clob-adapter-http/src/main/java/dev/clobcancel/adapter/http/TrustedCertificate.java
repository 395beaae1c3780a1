package dev.clobcancel.adapter.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;

/** A certificate to trust over HTTPS, read and checked when the client is built, not at the first call. */
final class TrustedCertificate {

    private final byte[] pem;

    private TrustedCertificate(byte[] pem) {
        this.pem = pem;
    }

    static TrustedCertificate read(Path pemFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(pemFile);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no certificate file " + pemFile);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the certificate file " + pemFile + ": " + e.getMessage(), e);
        }
        try {
            if (CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).isEmpty()) {
                throw new IllegalArgumentException(pemFile + " holds no certificate");
            }
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pemFile + " is not a PEM certificate: " + e.getMessage(), e);
        }
        return new TrustedCertificate(pem);
    }

    PemTrustOptions trustOptions() {
        return new PemTrustOptions().addCertValue(Buffer.buffer(pem));
    }
}
