package org.kunnafoni;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Domain packages stay pure: ports are interfaces, and Redis, Twilio and HTTP live in adapters. */
@AnalyzeClasses(packages = "org.kunnafoni", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    private static final String[] DOMAIN = {
            "org.kunnafoni.triage..", "org.kunnafoni.lead..", "org.kunnafoni.audience..", "org.kunnafoni.campaign..",
            "org.kunnafoni.radio..", "org.kunnafoni.dispatch..", "org.kunnafoni.text.."};

    @ArchTest
    static final ArchRule domainIsFreeOfAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "io.vertx.ext.web..", "io.vertx.core.http..", "io.lettuce..", "com.twilio..", "redis.embedded..")
            .because("domain code is tested without a server, Redis or Twilio (DESIGN.md, rules of the house)");

    @ArchTest
    static final ArchRule domainDoesNotReachIntoAdapters = noClasses().that().resideInAnyPackage(DOMAIN)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.kunnafoni.store..", "org.kunnafoni.web..", "org.kunnafoni.channel..", "org.kunnafoni.app..")
            .because("adapters depend on the domain, never the other way round");
}
