package al.ura.requests;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict checks and normal forms of the identifiers a request names. Nothing here resolves a name
 * or touches the network: an address is checked as text. The normal form is what two requests are
 * compared by (deconfliction), so two spellings of one address are one identifier.
 */
final class Identifiers {

    private static final Pattern EMAIL =
            Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*@"
                    + "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    private static final Pattern ACCOUNT = Pattern.compile("[^\\s\\p{Cntrl}]{1,200}");
    private static final Pattern MAC = Pattern.compile("(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    private Identifiers() {}

    /** The identifier's normal form, or empty when it is not a well-formed identifier of that kind. */
    static Optional<String> normalise(IdentifierKind kind, String raw) {
        String value = raw.trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return switch (kind) {
            case IPV4 -> ipv4(value).map(Identifiers::ipv4Text);
            case IPV6 -> ipv6(value);
            case EMAIL ->
                EMAIL.matcher(value).matches() && value.length() <= 254
                        ? Optional.of(value.toLowerCase(Locale.ROOT))
                        : Optional.empty();
            case PHONE -> {
                String digits = value.replaceAll("[\\s().-]", "");
                yield E164.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
            }
            case URL -> url(value);
            case DOMAIN -> {
                String domain = value.toLowerCase(Locale.ROOT);
                if (domain.endsWith(".")) {
                    domain = domain.substring(0, domain.length() - 1);
                }
                yield DOMAIN.matcher(domain).matches() ? Optional.of(domain) : Optional.empty();
            }
            case ACCOUNT -> ACCOUNT.matcher(value).matches() ? Optional.of(value) : Optional.empty();
            case DEVICE -> device(value);
        };
    }

    /** Whether an address is one a provider can attribute to a customer (not private, loopback, link-local or reserved). */
    static boolean publicAddress(IdentifierKind kind, String normalised) {
        if (kind == IdentifierKind.IPV4) {
            int[] o = ipv4(normalised).orElseThrow();
            return !(o[0] == 0
                    || o[0] == 10
                    || o[0] == 127
                    || o[0] >= 224
                    || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)
                    || (o[0] == 169 && o[1] == 254)
                    || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                    || (o[0] == 192 && o[1] == 168));
        }
        if (kind == IdentifierKind.IPV6) {
            return !(normalised.equals("::")
                    || normalised.equals("::1")
                    || normalised.startsWith("fe8")
                    || normalised.startsWith("fe9")
                    || normalised.startsWith("fea")
                    || normalised.startsWith("feb")
                    || normalised.startsWith("fc")
                    || normalised.startsWith("fd")
                    || normalised.startsWith("ff"));
        }
        return true;
    }

    private static Optional<int[]> ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
                return Optional.empty();
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                return Optional.empty(); // leading zeros are read as octal by some tools: ambiguous
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            octets[i] = octet;
        }
        return Optional.of(octets);
    }

    private static String ipv4Text(int[] o) {
        return o[0] + "." + o[1] + "." + o[2] + "." + o[3];
    }

    /** RFC 5952 text of an IPv6 address: lower case, no leading zeros, the longest run of zero groups as {@code ::}. */
    private static Optional<String> ipv6(String raw) {
        String value = raw.toLowerCase(Locale.ROOT);
        if (!value.matches("[0-9a-f:.]+") || value.contains(":::")) {
            return Optional.empty();
        }
        int[] groups = new int[8];
        String[] halves = value.split("::", -1);
        if (halves.length > 2) {
            return Optional.empty();
        }
        int[] head = groups(halves[0]);
        int[] tail = halves.length == 2 ? groups(halves[1]) : new int[0];
        if (head == null || tail == null) {
            return Optional.empty();
        }
        if (halves.length == 1 ? head.length != 8 : head.length + tail.length > 7) {
            return Optional.empty();
        }
        System.arraycopy(head, 0, groups, 0, head.length);
        System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return Optional.of(text.toString());
    }

    /** The 16-bit groups of one side of {@code ::}; an embedded IPv4 address counts as two; null if malformed. */
    private static int @org.jspecify.annotations.Nullable [] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int[] out = new int[parts.length + 1];
        int n = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (part.contains(".")) {
                if (i != parts.length - 1) {
                    return null;
                }
                Optional<int[]> v4 = ipv4(part);
                if (v4.isEmpty()) {
                    return null;
                }
                int[] o = v4.get();
                out[n++] = (o[0] << 8) | o[1];
                out[n++] = (o[2] << 8) | o[3];
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            out[n++] = Integer.parseInt(part, 16);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static Optional<String> url(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null
                    || host == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    || value.length() > 2000) {
                return Optional.empty();
            }
            return Optional.of(uri.normalize().toString());
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> device(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (lower.chars().allMatch(Character::isDigit)) {
            return lower.length() == 15 && luhn(lower) ? Optional.of(lower) : Optional.empty();
        }
        if (MAC.matcher(lower).matches()) {
            return Optional.of(lower.replace('-', ':'));
        }
        return DEVICE_ID.matcher(value).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** An IMEI's check digit (Luhn). */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
