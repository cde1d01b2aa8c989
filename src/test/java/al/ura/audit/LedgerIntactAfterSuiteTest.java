package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import al.ura.identity.IdentityFixtures;
import al.ura.testing.DatabaseTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Runs after every other test class that shares the default test database: after all their
 * sign-ins, refusals, invitations and tokens, the ledger's chain must still verify end to end.
 */
@DatabaseTest
@Order(Integer.MAX_VALUE)
class LedgerIntactAfterSuiteTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Test
    void theChainVerifiesAfterTheTestScenarios() {
        IdentityFixtures.TestUser auditor = fixtures.user(fixtures.organisation(), IdentityFixtures.AUDITOR);

        var response = mvc.get()
                .uri("/api/v1/audit/verification")
                .with(authentication(auditor.authentication()))
                .exchange();

        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.valid").isEqualTo(true);
        assertThat(response).bodyJson().extractingPath("$.pendingEntries").isEqualTo(0);
        // At least the organisation and the auditor this test made, and every earlier scenario's entries.
        assertThat(response)
                .bodyJson()
                .extractingPath("$.entriesChecked")
                .asNumber()
                .satisfies(n -> assertThat(n.longValue()).isGreaterThanOrEqualTo(2));
    }
}
