package org.kunnafoni.intake.keyword;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.intake.keyword.KeywordCommand.Help;
import org.kunnafoni.intake.keyword.KeywordCommand.OptIn;
import org.kunnafoni.intake.keyword.KeywordCommand.OptOut;
import org.kunnafoni.intake.keyword.KeywordCommand.RadioConfirmation;
import org.kunnafoni.triage.Language;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordParserTest {
    private static final KeywordParser PARSER = new KeywordParser(KeywordTable.loadDefault());

    /** A one-line picture of a command, so that each table row states the whole expected outcome. */
    static String describe(KeywordCommand command) {
        if (command instanceof OptOut c) {
            return "out " + c.keyword() + " " + c.replyLanguage().code();
        }
        if (command instanceof Help c) {
            return "help " + c.keyword() + " " + c.replyLanguage().code();
        }
        if (command instanceof OptIn c) {
            return "in " + c.keyword() + " " + c.region().orElse("-") + " " + c.language().map(Language::code).orElse("-")
                    + " " + c.replyLanguage().code() + (c.fullyUnderstood() ? "" : " ?" + String.join("+", c.unrecognised()));
        }
        if (command instanceof RadioConfirmation c) {
            return c.kind().name().toLowerCase() + " " + c.code() + c.reason().map(r -> " [" + r + "]").orElse("");
        }
        return "none";
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            // English (Twilio's list)
            "STOP|out stop fra",
            "STOPALL|out stopall eng",
            "stop all|out stop all eng",
            "UNSUBSCRIBE|out unsubscribe eng",
            "Cancel|out cancel eng",
            "END|out end eng",
            "quit|out quit eng",
            "REVOKE|out revoke eng",
            "OPTOUT|out optout eng",
            "opt-out|out opt out eng",
            // French, with and without accents, any case, punctuation around
            "ARRET|out arret fra",
            "ARRÊT|out arret fra",
            "arrêt.|out arret fra",
            "Arrêter|out arreter fra",
            "arretez !|out arretez fra",
            "DESABONNER|out desabonner fra",
            "Désabonnement|out desabonnement fra",
            "désabonnez-moi|out desabonnez fra",
            "je veux me désabonner|out me desabonner fra",
            "annuler|out annuler fra",
            // punctuation, politeness and repeats
            "STOP!|out stop fra",
            "  stop.  |out stop fra",
            "\"Stop\"|out stop fra",
            "STOP SVP|out stop fra",
            "stop s'il vous plaît|out stop fra",
            "svp stop|out stop fra",
            "STOP STOP STOP|out stop fra",
            "Stop merci 🙏|out stop fra",
            // Bambara and Arabic
            "A DABILA|out a dabila bam",
            "a dabila!|out a dabila bam",
            "Dabila|out dabila bam",
            "توقف|out توقف ara",
            "إلغاء|out إلغاء ara",
            "الغاء|out الغاء ara",
    })
    void optOut(String body, String expected) {
        assertThat(describe(PARSER.parse(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "START|in start - - eng",
            "YES|in yes - - eng",
            "UNSTOP|in unstop - - eng",
            "subscribe|in subscribe - - eng",
            "OUI|in oui - - fra",
            "Oui.|in oui - - fra",
            "ABONNER|in abonner - - fra",
            "s'abonner|in s abonner - - fra",
            "INSCRIRE|in inscrire - - fra",
            "AWO|in awo - - bam",
            "awɔ|in awo - - bam",
            "نعم|in نعم - - ara",
            "اشتراك|in اشتراك - - ara",
            // region and language, both orders, codes and names
            "ABONNER GAO BAM|in abonner gao bam bam",
            "ABONNER BAM GAO|in abonner gao bam bam",
            "START MOPTI FRA|in start mopti fra fra",
            "start fra mopti|in start mopti fra fra",
            "ABONNER Tombouctou songhay|in abonner tombouctou ses ses",
            "abonner timbuktu sonrai|in abonner tombouctou ses ses",
            "OUI BAMANANKAN|in oui - bam bam",
            "oui bambara|in oui - bam bam",
            "ABONNER SÉGOU|in abonner segou - fra",
            "abonner segu|in abonner segou - fra",
            "abonner Ségou peul|in abonner segou ffm ffm",
            "ABONNER MENAKA TAMASHEQ|in abonner menaka taq taq",
            "abonner ménaka fulfulde|in abonner menaka ffm ffm",
            "START KIDAL ARABIC|in start kidal ara ara",
            "abonner kidal arabe|in abonner kidal ara ara",
            "SUBSCRIBE BAMAKO ENGLISH|in subscribe bamako eng eng",
            "abonner bamako anglais|in abonner bamako eng eng",
            "abonner pulaar|in abonner - ffm ffm",
            "ABONNER FR|in abonner - fra fra",
            "abonner koyra chiini|in abonner - ses ses",
            "Je veux m'abonner à Gao en bambara|in m abonner gao bam bam",
            "abonner la région de Sikasso svp|in abonner sikasso - fra",
            "YES GAO|in yes gao - eng",
            "awo segou|in awo segou - bam",
            // one word not understood after a subscribe verb: opted in, flagged
            "ABONNER XYZ|in abonner - - fra ?xyz",
            "abonner tomboktu bam|in abonner - bam bam ?tomboktu",
            "ABONNER GAO MOPTI|in abonner gao - fra ?mopti",
            "ABONNER BAM FRA|in abonner - bam bam ?fra",
    })
    void optIn(String body, String expected) {
        assertThat(describe(PARSER.parse(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "HELP|help help eng",
            "help!|help help eng",
            "AIDE|help aide fra",
            "aide svp|help aide fra",
            "INFO|help info fra",
            "Infos|help infos fra",
            "?|help ? fra",
            " ? |help ? fra",
            "??|help ? fra",
            "DÉMÈ|help deme bam",
            "Dɛmɛ|help deme bam",
            "deme|help deme bam",
            "مساعدة|help مساعدة ara",
    })
    void help(String body, String expected) {
        assertThat(describe(PARSER.parse(body))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "stop the attacks at the school",
            "STOP les hommes armés sont à l'école",
            "Arrêtez-les, ils ont pris deux enfants",
            "aidez moi",
            "aide moi ils sont là",
            "au secours",
            "help us, armed men at the school",
            "info: enfant blessé à Gao",
            "oui il y a des hommes armés à Mopti",
            "yes they took the children",
            "ABONNER MON FILS",
            "abonner mon fils à l'école",
            "start shooting near the school now",
            "Bonjour",
            "merci",
            "ok",
            "ok merci",
            "OK MERCI BEAUCOUP",
            "a",
            "?!",
            "... ",
            "''",
            "les enfants disent stop",
            "end of the attack, two children injured",
            "STOP GAO",
            "awo u ye denmisenw ta",
            "stop stop la guerre tue les enfants de nos villages ici à Gao",
    })
    void notACommand(String body) {
        assertThat(describe(PARSER.parse(body))).isEqualTo("none");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "DIFF AB12|aired AB12",
            "diff ab12|aired AB12",
            "OK 7K2Q|aired 7K2Q",
            "ok 7k2q.|aired 7K2Q",
            "Diffusé 12345678|aired 12345678",
            "OK 4321 merci|aired 4321",
            "OK AB12 diffusé|aired AB12",
            "DIFF: AB12|aired AB12",
            "REPORT AB12 coupure de courant|postponed AB12 [coupure de courant]",
            "report ab12   Groupe électrogène en panne |postponed AB12 [Groupe électrogène en panne]",
            "REPORT AB12|postponed AB12",
            "Reporté X9Y8Z7 match de foot|postponed X9Y8Z7 [match de foot]",
            // not confirmations
            "OK|none",
            "ok merci|none",
            "OK MERCI|none",
            "ok bien reçu|none",
            "DIFF|none",
            "DIFF ABC|none",
            "DIFF ABCD|none",
            "DIFF A1|none",
            "DIFF ABCDEFGH1|none",
            "DIFF AB-12|none",
            "OK 12h30 des hommes armés à l'école|none",
            "REPORT|none",
            "report 2 enfants tués à Gao|none",
    })
    void radioConfirmations(String body, String expected) {
        assertThat(describe(PARSER.parse(body))).isEqualTo(expected);
    }

    /** The cheap pre-screen (word count, first word) must let every command through whatever surrounds it. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "« STOP »|out stop fra",
            "...stop!!!|out stop fra",
            "- - stop|out stop fra",
            " STOP |out stop fra",
            "? ? ?|help ? fra",
            "REPORT AB12 le groupe électrogène est en panne depuis hier soir et la radio ne peut pas émettre|"
                    + "postponed AB12 [le groupe électrogène est en panne depuis hier soir et la radio ne peut pas émettre]",
            "une école attaquée à Gao ce matin par des hommes armés, deux enfants blessés|none",
            "Armed men at the school|none",
    })
    void screenKeepsCommands(String body, String expected) {
        assertThat(describe(PARSER.parse(body))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''", "'   '"})
    void blankIsNotACommand(String body) {
        assertThat(PARSER.parse(body)).isInstanceOf(KeywordCommand.NotACommand.class);
        assertThat(PARSER.parse(null)).isInstanceOf(KeywordCommand.NotACommand.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"ABONNER GAO BAM|abonner|gao|bam|bam"})
    void optInCarriesTypedValues(String body, String keyword, String region, String language, String reply) {
        assertThat(PARSER.parse(body)).isEqualTo(new OptIn(keyword, Optional.of(region),
                Language.fromCode(language), Language.fromCode(reply).orElseThrow()));
    }
}
