package org.kunnafoni;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/** Domain packages stay pure: ports are interfaces, and Redis, Twilio and HTTP live in adapters. */
class ArchitectureTest {
    private static final String[] DOMAIN = {
            "org.kunnafoni.triage..", "org.kunnafoni.lead..", "org.kunnafoni.audience..", "org.kunnafoni.campaign..",
            "org.kunnafoni.radio..", "org.kunnafoni.dispatch..", "org.kunnafoni.text.."};
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.kunnafoni");
        assertThat(classes.stream().filter(c -> c.getPackageName().startsWith("org.kunnafoni.triage"))).isNotEmpty();
    }

    @Test
    void domainIsFreeOfWebRedisAndTwilioTypes() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.vertx.ext.web..", "io.vertx.core.http..", "io.lettuce..", "com.twilio..", "redis.embedded..")
                .because("domain code is tested without a server, Redis or Twilio (DESIGN.md, rules of the house)")
                .check(classes);
    }

    @Test
    void domainDoesNotReachIntoAdapters() {
        noClasses().that().resideInAnyPackage(DOMAIN)
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.kunnafoni.store..", "org.kunnafoni.web..", "org.kunnafoni.channel..", "org.kunnafoni.app..",
                        "org.kunnafoni.cli..")
                .because("adapters depend on the domain, never the other way round")
                .check(classes);
    }
}
