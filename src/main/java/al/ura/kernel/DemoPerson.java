package al.ura.kernel;

import java.util.List;

/**
 * A fictional person a module wants in demo mode, with the roles its workflows need. Modules
 * declare them as beans; the identity module creates them (password and TOTP seed as the README
 * says) and prints them with the other demo logins. Every name and {@code .example} address is
 * invented.
 */
public record DemoPerson(
        String email, String displayName, String organisationShortName, List<String> roles, boolean enrolled) {

    public DemoPerson {
        roles = List.copyOf(roles);
    }
}
