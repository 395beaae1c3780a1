package dev.clobcancel.examples.cli;

import dev.clobcancel.adapter.http.ClobHttpClient;
import dev.clobcancel.domain.model.MarketCancel;
import dev.clobcancel.domain.model.OrderId;
import java.net.URI;
import java.util.function.Supplier;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option values checked while the command line is parsed, by the library's own rules, so that a
 * bad value is a usage error (exit 2) and never reaches the exchange.
 */
final class Converters {

    private Converters() {
    }

    /** The value {@code parse} makes, or a usage error with the library's message of what is wrong. */
    private static <T> T checked(Supplier<T> parse) {
        try {
            return parse.get();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** {@code --order-id}: {@link OrderId#of}, whose message says what is wrong with the id. */
    static final class OrderIds implements ITypeConverter<OrderId> {
        @Override
        public OrderId convert(String value) {
            return checked(() -> OrderId.of(value));
        }
    }

    /** {@code --market}: a market cancel's rule for it, whose message says what is wrong. */
    static final class Markets implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> MarketCancel.market(value).market());
        }
    }

    /** {@code --asset-id}: likewise. */
    static final class AssetIds implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            return checked(() -> MarketCancel.asset(value).assetId());
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
