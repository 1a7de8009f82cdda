package org.kunnafoni.intake;

import org.kunnafoni.intake.keyword.KeywordCommand;
import org.kunnafoni.intake.keyword.Replies;
import org.kunnafoni.intake.keyword.ReplyKind;
import org.kunnafoni.triage.Language;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses and renders the text sent back for a message. Replies are neutral: they confirm a consent change or
 * receipt, never repeat what was reported (the phone may be searched by the people it reports).
 */
public final class ReplyBook {
    private final Replies replies;
    private final String hotline;
    private final boolean acknowledgeAlerts;

    public ReplyBook(Replies replies, String hotline, boolean acknowledgeAlerts) {
        this.replies = replies;
        this.hotline = hotline;
        this.acknowledgeAlerts = acknowledgeAlerts;
    }

    public Optional<String> forCommand(KeywordCommand command) {
        if (command instanceof KeywordCommand.OptOut c) {
            return Optional.of(render(ReplyKind.OPTED_OUT, c.replyLanguage(), "", null));
        }
        if (command instanceof KeywordCommand.OptIn c) {
            ReplyKind kind = !c.unrecognised().isEmpty() ? ReplyKind.UNKNOWN_SUBSCRIPTION
                    : c.region().isPresent() || c.language().isPresent() ? ReplyKind.SUBSCRIBED : ReplyKind.OPTED_IN;
            return Optional.of(render(kind, c.replyLanguage(), c.region().orElse(""), c.language().orElse(null)));
        }
        if (command instanceof KeywordCommand.Help c) {
            return Optional.of(render(ReplyKind.HELP, c.replyLanguage(), "", null));
        }
        return Optional.empty();
    }

    /** The acknowledgement for an alert, if configured (intake.alert-reply: ack). */
    public Optional<String> forAlert(Language language) {
        return acknowledgeAlerts ? Optional.of(render(ReplyKind.ALERT_RECEIVED, language, "", null)) : Optional.empty();
    }

    private String render(ReplyKind kind, Language language, String region, Language chosen) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("region", region);
        variables.put("language", chosen == null ? "" : chosen.code());
        variables.put("hotline", hotline);
        return replies.render(kind, language, variables);
    }
}
