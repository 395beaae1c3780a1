package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.model.OrderId;
import java.net.URI;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is parsed, by the library's own rules, so that a
 * bad value is a usage error (exit 2) and never reaches the exchange.
 */
final class Converters {

    private Converters() {
    }

    /** {@code --order-id}: {@link OrderId#of}, whose message says what is wrong with the id. */
    static final class OrderIds implements ITypeConverter<OrderId> {
        @Override
        public OrderId convert(String value) {
            try {
                return OrderId.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --host}: an http or https URL with no path, as the client's builder demands. */
    static final class Hosts implements ITypeConverter<URI> {
        @Override
        public URI convert(String value) {
            URI uri;
            try {
                uri = URI.create(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("not a URL: " + e.getMessage());
            }
            try {
                // The builder only records and checks the URL here; nothing is opened.
                ClobHttpClient.builder().host(uri);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
            return uri;
        }
    }
}
