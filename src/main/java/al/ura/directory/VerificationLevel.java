package al.ura.directory;

/**
 * How far the platform operator vouches for an organisation: registered (onboarded, not yet
 * checked), verified (the operator checked who they are, with who and when), suspended (its
 * people cannot sign in and its signatures made from then on do not verify). Names under
 * {@code directory.verification.<NAME>}.
 */
public enum VerificationLevel {
    REGISTERED,
    VERIFIED,
    SUSPENDED
}
