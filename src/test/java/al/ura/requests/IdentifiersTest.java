package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict parsing and the normal forms of the identifiers a request names; no Spring. */
class IdentifiersTest {

    // ---- IPv4 --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "203.0.113.25|203.0.113.25",
                "'  8.8.8.8  '|8.8.8.8",
                "0.0.0.0|0.0.0.0",
                "255.255.255.255|255.255.255.255",
                "10.0.0.1|10.0.0.1",
                "1.2.3.0|1.2.3.0"
            })
    void wellFormedIpv4AddressesKeepTheirDottedDecimalForm(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.IPV4, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "256.1.1.1",
                "1.2.3.256",
                "999.1.1.1",
                "01.2.3.4",
                "1.2.3.04",
                "1.02.3.4",
                "00.0.0.0",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.4.",
                ".1.2.3.4",
                "1..3.4",
                "a.b.c.d",
                "1.2.3.-4",
                "+1.2.3.4",
                "1.2.3.4/24",
                "1.2.3.4:80",
                "1 .2.3.4",
                "0x7f.0.0.1",
                "2130706433",
                "１.2.3.4", // full-width digit one
                "١.2.3.4", // Arabic-Indic digit one
                "1.2.3.٤", // Arabic-Indic digit four
                "::1",
                " ",
                ""
            })
    void malformedIpv4AddressesAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.IPV4, raw)).isEmpty();
    }

    // ---- IPv6 --------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // RFC 5952 §4.1 no leading zeros, §4.3 lower case, §4.2.1 the longest run as ::
                "2001:0DB8:0:0:0:0:0:1|2001:db8::1",
                "2001:0db8:0000:0000:0000:0000:0000:0001|2001:db8::1",
                "2001:DB8::0:1|2001:db8::1",
                "fe80:0000:0000:0000:0204:61ff:fe9d:f156|fe80::204:61ff:fe9d:f156",
                // §4.2.2 a single 16-bit zero is not shortened
                "2001:db8:0:1:1:1:1:1|2001:db8:0:1:1:1:1:1",
                "2001:db8::1:1:1:1:1|2001:db8:0:1:1:1:1:1",
                // §4.2.3 the longest run, and the first of equally long ones
                "2001:db8:0:0:1:0:0:0|2001:db8:0:0:1::",
                "2001:db8:0:0:1:0:0:1|2001:db8::1:0:0:1",
                "2001:0:0:1:0:0:0:1|2001:0:0:1::1",
                // the unspecified address, loopback, runs at either end
                "::|::",
                "0:0:0:0:0:0:0:0|::",
                "0:0:0:0:0:0:0:1|::1",
                "1::|1::",
                "1:0:0:0:0:0:0:0|1::",
                "1:2:3:4:5:6:7::|1:2:3:4:5:6:7:0",
                "::2:3:4:5:6:7:8|0:2:3:4:5:6:7:8",
                "' 2001:db8::25 '|2001:db8::25",
                // §5 embedded IPv4: dotted where the prefix says so (IPv4-mapped, RFC 6052 well-known prefix)
                "::ffff:192.0.2.1|::ffff:192.0.2.1",
                "::FFFF:C000:0201|::ffff:192.0.2.1",
                "0:0:0:0:0:ffff:203.0.113.25|::ffff:203.0.113.25",
                "64:ff9b::192.0.2.33|64:ff9b::192.0.2.33",
                "64:ff9b:0:0:0:0:c000:221|64:ff9b::192.0.2.33",
                // ... and hexadecimal everywhere else
                "2001:db8::192.0.2.1|2001:db8::c000:201",
                "1:2:3:4:5:6:1.2.3.4|1:2:3:4:5:6:102:304",
                "::1.2.3.4|::102:304"
            })
    void ipv6AddressesAreWrittenInTheirRfc5952Form(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.IPV6, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "2001:db8::1::1",
                ":::1",
                "2001:db8:::1",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7::8",
                "1:2:3:4:5:6:7:8::",
                "12345::1",
                "g::1",
                "2001:db8::1%eth0",
                "[2001:db8::1]",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "::ffff:256.1.1.1",
                "::ffff:01.2.3.4",
                "::1.2.3.4:5",
                "1:2:3:4:5:6:7:1.2.3.4",
                "1.2.3.4",
                "2001:db8::/32",
                "2001 :db8::1",
                ":",
                "."
            })
    void malformedIpv6AddressesAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.IPV6, raw)).isEmpty();
    }

    // ---- e-mail ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Someone@Example.AL|someone@example.al",
                "first.last+tag@mail.example.com|first.last+tag@mail.example.com",
                "' officer@policia.gov.al '|officer@policia.gov.al"
            })
    void wellFormedEmailAddressesAreWrittenInLowerCase(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.EMAIL, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "someone",
                "someone@",
                "@example.al",
                "a@b",
                "a@@example.al",
                ".a@example.al",
                "a.@example.al",
                "a..b@example.al",
                "a@-example.al",
                "a@example-.al",
                "a@example..al",
                "a b@example.al",
                "a@example.a",
                "a@example.al.",
                "a@[203.0.113.25]",
                "someone@example.al>"
            })
    void malformedEmailAddressesAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.EMAIL, raw)).isEmpty();
    }

    // ---- phone -------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "+355 69 123 4567|+355691234567",
                "+355691234567|+355691234567",
                "+355-69-123-4567|+355691234567",
                "+355.69.123.4567|+355691234567",
                "+1 (202) 555-0143|+12025550143",
                "' +355 4 222 3333 '|+35542223333",
                "+999123456789012|+999123456789012"
            })
    void phoneNumbersAreWrittenInE164(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.PHONE, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "069 123 4567",
                "355691234567",
                "00355691234567",
                "+0355691234567",
                "+355",
                "+35569",
                "+3556912345678901",
                "+355 69 abc 4567",
                "+355/69/1234567",
                "++355691234567",
                "+355 69 123 4567 ext. 2",
                // the national trunk prefix in brackets is dropped when dialling from abroad: keeping
                // its 0 would name another number, so it is refused rather than guessed
                "+44 (0)20 7946 0000",
                "+355 (0) 69 123 4567",
                "+355 ٦٩ 123 4567"
            })
    void phoneNumbersThatAreNotE164AreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.PHONE, raw)).isEmpty();
    }

    // ---- URL ---------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://shembull.al/faqe?id=1|https://shembull.al/faqe?id=1",
                "http://shembull.al/a/./b/../c|http://shembull.al/a/c",
                // scheme and host are case-insensitive (RFC 3986 §6.2.2.1); path and query are not
                "HTTPS://Shembull.AL/Faqe?Id=1|https://shembull.al/Faqe?Id=1",
                // the scheme's default port and an empty path say nothing (RFC 3986 §6.2.3)
                "https://shembull.al:443/faqe|https://shembull.al/faqe",
                "http://shembull.al:80|http://shembull.al/",
                "https://shembull.al|https://shembull.al/",
                "https://shembull.al:8443/faqe|https://shembull.al:8443/faqe",
                "https://203.0.113.25/login|https://203.0.113.25/login",
                "https://shembull.al/a#pjesa|https://shembull.al/a#pjesa"
            })
    void urlsAreWrittenInTheirNormalForm(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.URL, raw)).contains(normal);
    }

    @Test
    void twoSpellingsOfOneUrlAreOneIdentifier() {
        assertThat(Identifiers.normalise(IdentifierKind.URL, "HTTPS://WWW.Shembull.AL:443"))
                .isEqualTo(Identifiers.normalise(IdentifierKind.URL, "https://www.shembull.al/"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "ftp://shembull.al/skedar",
                "shembull.al/faqe",
                "www.shembull.al",
                "https://",
                "https:///faqe",
                "https:shembull.al",
                "javascript:alert(1)",
                "mailto:someone@shembull.al",
                "https://shem bull.al/",
                "https://shembull.al/faqe me hapësira",
                "https://shem_bull.al/"
            })
    void urlsThatAreNotFullHttpAddressesAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.URL, raw)).isEmpty();
    }

    @Test
    void aUrlLongerThan2000CharactersIsRefused() {
        String base = "https://shembull.al/";
        assertThat(Identifiers.normalise(IdentifierKind.URL, base + "a".repeat(2000 - base.length())))
                .isPresent();
        assertThat(Identifiers.normalise(IdentifierKind.URL, base + "a".repeat(2001 - base.length())))
                .isEmpty();
    }

    // ---- domain ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "shembull.al|shembull.al",
                "Shembull.AL.|shembull.al",
                "sub.example.co.uk|sub.example.co.uk",
                "a-b.example.com|a-b.example.com",
                "xn--shembull-4ya.al|xn--shembull-4ya.al",
                "shembull.xn--p1ai|shembull.xn--p1ai",
                "a.al|a.al"
            })
    void domainsAreWrittenInLowerCaseWithoutTheRootDot(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.DOMAIN, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "localhost",
                "-bad.al",
                "bad-.al",
                "a_b.al",
                "example..al",
                ".example.al",
                "example.a",
                "example.123",
                "http://example.al",
                "example.al/path",
                "ëxample.al",
                "exa mple.al",
                "203.0.113.25"
            })
    void malformedDomainsAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.DOMAIN, raw)).isEmpty();
    }

    @Test
    void aDomainLabelHasAtMost63Characters() {
        assertThat(Identifiers.normalise(IdentifierKind.DOMAIN, "a".repeat(63) + ".al"))
                .isPresent();
        assertThat(Identifiers.normalise(IdentifierKind.DOMAIN, "a".repeat(64) + ".al"))
                .isEmpty();
    }

    // ---- account -----------------------------------------------------------------------------

    @Test
    void accountsAreKeptAsTypedAndMayNotHoldSpacesOrControls() {
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, " User.Name_1 "))
                .contains("User.Name_1");
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, "@handle")).contains("@handle");
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, "with space")).isEmpty();
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, "tab\there")).isEmpty();
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, "a".repeat(200)))
                .isPresent();
        assertThat(Identifiers.normalise(IdentifierKind.ACCOUNT, "a".repeat(201)))
                .isEmpty();
    }

    // ---- device ------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // IMEI: 15 digits, the last one the Luhn check digit
                "490154203237518|490154203237518",
                "352099001761481|352099001761481",
                // ... written in its usual groups (TAC-serial-check)
                "35-209900-176148-1|352099001761481",
                "35 209900 176148 1|352099001761481",
                // MAC: lower case, colons
                "00-1A-2B-3C-4D-5E|00:1a:2b:3c:4d:5e",
                "00:1a:2b:3c:4d:5e|00:1a:2b:3c:4d:5e",
                "00-11-22-33-44-55|00:11:22:33:44:55",
                // any other device identifier: 8 to 64 letters, digits and dashes, in lower case
                "SERIAL-ABC12345|serial-abc12345",
                "A0000012345678|a0000012345678"
            })
    void deviceIdentifiersAreWrittenInTheirNormalForm(String raw, String normal) {
        assertThat(Identifiers.normalise(IdentifierKind.DEVICE, raw)).contains(normal);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(
            strings = {
                "490154203237519", // wrong check digit
                "352099001761482",
                "35-209900-176148-2", // wrong check digit, grouped
                "49015420323751", // 14 digits
                "4901542032375180", // 16 digits
                "٤٩٠١٥٤٢٠٣٢٣٧٥١٨", // the valid IMEI in Arabic-Indic digits
                "00:1a:2b:3c:4d", // MAC too short
                "short",
                "with space here",
                "serial_with_underscore",
                "1234567",
                "0123456789012345678901234567890123456789012345678901234567890123x"
            })
    void malformedDeviceIdentifiersAreRefused(String raw) {
        assertThat(Identifiers.normalise(IdentifierKind.DEVICE, raw)).isEmpty();
    }

    @Test
    void aDeviceIdentifierHasAtMost64Characters() {
        assertThat(Identifiers.normalise(IdentifierKind.DEVICE, "x".repeat(64))).isPresent();
        assertThat(Identifiers.normalise(IdentifierKind.DEVICE, "x".repeat(65))).isEmpty();
    }

    @Test
    void theLuhnCheckDigitIsTheImeisLast() {
        assertThat(Identifiers.luhn("490154203237518")).isTrue();
        for (int wrong = 0; wrong <= 9; wrong++) {
            if (wrong != 8) {
                assertThat(Identifiers.luhn("49015420323751" + wrong))
                        .as("check digit %d", wrong)
                        .isFalse();
            }
        }
        // a swap of two neighbouring digits is caught
        assertThat(Identifiers.luhn("491054203237518")).isFalse();
    }

    // ---- public addresses --------------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "0.0.0.0",
                "0.1.2.3", // "this network"
                "10.0.0.1",
                "10.255.255.255",
                "100.64.0.1", // carrier-grade NAT
                "100.127.255.255",
                "127.0.0.1",
                "169.254.10.20", // link-local
                "172.16.0.1",
                "172.31.255.255",
                "192.0.0.8", // IETF protocol assignments
                "192.168.1.20",
                "198.18.0.1", // benchmarking
                "198.19.255.255",
                "224.0.0.1", // multicast
                "239.255.255.250",
                "240.0.0.1", // reserved
                "255.255.255.255"
            })
    void privateAndReservedIpv4AddressesAreNotPublic(String address) {
        assertThat(publicAddress(IdentifierKind.IPV4, address)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "8.8.8.8",
                "9.255.255.255",
                "11.0.0.1",
                "100.63.255.255",
                "100.128.0.1",
                "126.255.255.255",
                "128.0.0.1",
                "169.253.1.1",
                "172.15.255.255",
                "172.32.0.1",
                "192.0.1.1",
                "192.167.1.1",
                "192.169.0.1",
                "198.17.255.255",
                "198.20.0.1",
                "223.255.255.255",
                // the documentation ranges stay usable: the module's examples and demo data are written in them
                "203.0.113.25",
                "198.51.100.7",
                "192.0.2.1"
            })
    void otherIpv4AddressesArePublic(String address) {
        assertThat(publicAddress(IdentifierKind.IPV4, address)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "::",
                "::1",
                "fe80::1", // link-local
                "febf:ffff::1",
                "fc00::1", // unique local
                "fd12:3456:789a::1",
                "ff02::1", // multicast
                "fec0::1", // site-local (deprecated)
                "100::1", // discard-only
                "::2", // IPv4-compatible (deprecated)
                "::ffff:10.0.0.1", // a private IPv4 address, mapped
                "::ffff:192.168.1.20",
                "::ffff:127.0.0.1",
                "64:ff9b::10.1.2.3", // a private IPv4 address behind NAT64
                "fc::1", // 00fc::, not unique-local, but reserved all the same
                "ff::1"
            })
    void privateAndReservedIpv6AddressesAreNotPublic(String address) {
        assertThat(publicAddress(IdentifierKind.IPV6, address)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "2a00:1450:4001:82a::200e",
                "2001:4860:4860::8888",
                "3fff:ffff::1",
                "2001:db8::25",
                "::ffff:8.8.8.8",
                "64:ff9b::203.0.113.25"
            })
    void globalUnicastIpv6AddressesArePublic(String address) {
        assertThat(publicAddress(IdentifierKind.IPV6, address)).isTrue();
    }

    @Test
    void otherKindsAreAlwaysPublic() {
        assertThat(Identifiers.publicAddress(IdentifierKind.EMAIL, "someone@example.al"))
                .isTrue();
        assertThat(Identifiers.publicAddress(IdentifierKind.DOMAIN, "localhost.al"))
                .isTrue();
    }

    /** As the validator calls it: on the normal form. */
    private static boolean publicAddress(IdentifierKind kind, String address) {
        Optional<String> normal = Identifiers.normalise(kind, address);
        assertThat(normal).as("%s is well formed", address).isPresent();
        return Identifiers.publicAddress(kind, normal.orElseThrow());
    }
}
