package io.annals.web.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Reads an amount of money exactly as written: a JSON number (a string is refused), in plain
 * notation ({@code 1e2} is refused) with at most two decimals ({@code 100.000} is refused, although
 * it equals {@code 100}). The range is the commands' Bean Validation constraints' business.
 */
public class Money extends JsonDeserializer<BigDecimal> {

    @Override
    public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
            throw refused(parser, "must be a JSON number");
        }
        String written = parser.getText();
        if (written.indexOf('e') >= 0 || written.indexOf('E') >= 0) {
            throw refused(parser, "must be written without an exponent");
        }
        int point = written.indexOf('.');
        if (point >= 0 && written.length() - point - 1 > 2) {
            throw refused(parser, "must have at most 2 decimals");
        }
        return new BigDecimal(written);
    }

    private static InvalidFormatException refused(JsonParser parser, String message) throws IOException {
        return new InvalidFormatException(parser, message, parser.getText(), BigDecimal.class);
    }
}
