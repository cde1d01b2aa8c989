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
    private static final Pattern TRUNK_ZERO = Pattern.compile("\\(\\s*0\\s*\\)");
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
                // "+44 (0)20 ...": a trunk zero is not dialled from abroad; kept, it would name another number
                if (TRUNK_ZERO.matcher(value).find()) {
                    yield Optional.empty();
                }
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

    /**
     * Whether an address is one a provider can attribute to a customer: not private, shared (CGNAT),
     * loopback, link-local, multicast or otherwise reserved. An IPv6 address must be global unicast
     * (2000::/3); one that carries an IPv4 address (IPv4-mapped, NAT64) is judged by that address.
     * The documentation ranges stay usable, as the examples and the demo data are written in them.
     */
    static boolean publicAddress(IdentifierKind kind, String normalised) {
        if (kind == IdentifierKind.IPV4) {
            return publicIpv4(ipv4(normalised).orElseThrow());
        }
        if (kind == IdentifierKind.IPV6) {
            int[] g = ipv6Groups(normalised).orElseThrow();
            if (embedsIpv4(g)) {
                return publicIpv4(new int[] {g[6] >> 8, g[6] & 0xff, g[7] >> 8, g[7] & 0xff});
            }
            return (g[0] & 0xe000) == 0x2000;
        }
        return true;
    }

    private static boolean publicIpv4(int[] o) {
        return !(o[0] == 0
                || o[0] == 10
                || o[0] == 127
                || o[0] >= 224
                || (o[0] == 100 && o[1] >= 64 && o[1] <= 127)
                || (o[0] == 169 && o[1] == 254)
                || (o[0] == 172 && o[1] >= 16 && o[1] <= 31)
                || (o[0] == 192 && o[1] == 0 && o[2] == 0)
                || (o[0] == 192 && o[1] == 168)
                || (o[0] == 198 && (o[1] == 18 || o[1] == 19)));
    }

    /** IPv4-mapped (::ffff:0:0/96) or the NAT64 well-known prefix (64:ff9b::/96, RFC 6052): the last 32 bits are an IPv4 address. */
    private static boolean embedsIpv4(int[] g) {
        boolean mapped = g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
        boolean nat64 = g[0] == 0x64 && g[1] == 0xff9b && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0;
        return mapped || nat64;
    }

    private static Optional<int[]> ipv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        int[] octets = new int[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !asciiDigits(part)) {
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

    /**
     * RFC 5952 text of an IPv6 address: lower case, no leading zeros, the longest run of zero groups
     * as {@code ::}, and an embedded IPv4 address in dotted decimal where the prefix says it is one (§5).
     */
    private static Optional<String> ipv6(String raw) {
        return ipv6Groups(raw).map(Identifiers::ipv6Text);
    }

    /** The eight 16-bit groups of an IPv6 address; empty if it is not one. */
    private static Optional<int[]> ipv6Groups(String raw) {
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
        return Optional.of(groups);
    }

    private static String ipv6Text(int[] groups) {
        boolean dotted = embedsIpv4(groups);
        int hex = dotted ? 6 : 8;
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < hex; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < hex && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < hex; i++) {
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
        if (dotted) {
            if (text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(ipv4Text(new int[] {groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff}));
        }
        return text.toString();
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
            // Scheme and host are case-insensitive, a default port and an empty path say nothing (RFC 3986
            // §6.2.2-6.2.3).
            String lowerScheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            boolean defaultPort =
                    (lowerScheme.equals("http") && port == 80) || (lowerScheme.equals("https") && port == 443);
            URI normal = uri.normalize();
            String path = normal.getRawPath() == null || normal.getRawPath().isEmpty() ? "/" : normal.getRawPath();
            return Optional.of(lowerScheme
                    + "://"
                    + (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                    + host.toLowerCase(Locale.ROOT)
                    + (port == -1 || defaultPort ? "" : ":" + port)
                    + path
                    + (normal.getRawQuery() == null ? "" : "?" + normal.getRawQuery())
                    + (normal.getRawFragment() == null ? "" : "#" + normal.getRawFragment()));
        } catch (URISyntaxException malformed) {
            return Optional.empty();
        }
    }

    private static Optional<String> device(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        if (MAC.matcher(lower).matches()) {
            return Optional.of(lower.replace('-', ':'));
        }
        // Digits only, also in the usual groups (35-209900-176148-1): an IMEI, so its check digit must hold.
        String digits = lower.replaceAll("[\\s-]", "");
        if (!digits.isEmpty() && digits.chars().allMatch(Character::isDigit)) {
            return asciiDigits(digits) && digits.length() == 15 && luhn(digits)
                    ? Optional.of(digits)
                    : Optional.empty();
        }
        return DEVICE_ID.matcher(value).matches() ? Optional.of(lower) : Optional.empty();
    }

    /** Only 0-9: {@link Character#isDigit} also takes other scripts' digits, which {@link Integer#parseInt} reads as these. */
    private static boolean asciiDigits(String text) {
        return text.chars().allMatch(c -> c >= '0' && c <= '9');
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
