package org.kunnafoni.intake;

import org.kunnafoni.intake.keyword.KeywordCommand;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Port to the radio service for broadcast confirmations by SMS. Only a registered station number is answered
 * as a station: from anyone else "DIFF K7P2Q9" stays an ordinary alert, as before radio partners existed.
 */
public interface RadioConfirmations {
    /** No radio partners: every confirmation keyword goes on as an alert. */
    RadioConfirmations NONE = new RadioConfirmations() {
        @Override
        public CompletionStage<Boolean> isPartnerNumber(String pseudonym) {
            return CompletableFuture.completedFuture(false);
        }

        @Override
        public CompletionStage<Optional<String>> confirm(String pseudonym, KeywordCommand.RadioConfirmation c) {
            return CompletableFuture.completedFuture(Optional.empty());
        }
    };

    CompletionStage<Boolean> isPartnerNumber(String pseudonym);

    /** Records the confirmation; the reply to text back to the station. */
    CompletionStage<Optional<String>> confirm(String pseudonym, KeywordCommand.RadioConfirmation confirmation);
}
