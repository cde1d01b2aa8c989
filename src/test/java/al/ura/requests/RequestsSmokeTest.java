package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.testing.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class RequestsSmokeTest {

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Test
    void aRequestIsSignedSentAndAnswered() {
        RequestFixtures.World world = fixtures.world();
        RequestView submitted = fixtures.submitted(world);
        assertThat(submitted.status()).isEqualTo(RequestStatus.SUBMITTED);
        RequestView read = requests.read(world.compliance().actor(), submitted.id());
        assertThat(read.status()).isEqualTo(RequestStatus.RECEIVED);
        assertThat(requests.signatureOf(read))
                .extracting(LegalRequests.SignatureStatus::reason)
                .isNull();
        desk.acknowledge(world.compliance().actor(), submitted.id());
        RequestView answered = desk.answer(
                world.compliance().actor(),
                submitted.id(),
                new ProviderDesk.AnswerCommand(
                        true,
                        null,
                        java.util.List.of(
                                new ProviderDesk.ItemCommand(0, true, "Fictional subscriber: Test Subscriber", null))));
        assertThat(answered.status()).isEqualTo(RequestStatus.ANSWERED_FULL);
        assertThat(desk.answerOf(world.officer().actor(), submitted.id())
                        .orElseThrow()
                        .signatureValid())
                .isTrue();
    }
}
