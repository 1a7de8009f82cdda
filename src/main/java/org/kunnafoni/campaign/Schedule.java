package org.kunnafoni.campaign;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * When a campaign runs: once, or on a cron rule read in Africa/Bamako local time (people read the hour of their
 * own clock, and Mali keeps UTC+0 all year, so the rule never shifts).
 */
public sealed interface Schedule {
    ZoneId BAMAKO = ZoneId.of("Africa/Bamako");

    /** The first run for a campaign created at {@code now}; empty when there is none. */
    Optional<Instant> firstRun(Instant now);

    /** The run after the one due at {@code previous}; empty when the schedule has ended. */
    Optional<Instant> nextAfter(Instant previous);

    record OneOff(Instant at) implements Schedule {
        public OneOff {
            Objects.requireNonNull(at, "at");
        }

        @Override
        public Optional<Instant> firstRun(Instant now) {
            return Optional.of(at);
        }

        @Override
        public Optional<Instant> nextAfter(Instant previous) {
            return Optional.empty();
        }
    }

    /**
     * @param cron  five fields, Unix style: minute hour day-of-month month day-of-week ({@code 0 9 * * MON})
     * @param until no run at or after this instant, when given
     */
    record Recurring(String cron, Optional<Instant> until) implements Schedule {
        private static final CronParser PARSER =
                new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

        /** Throws {@link IllegalArgumentException} naming the problem when the rule does not parse. */
        public Recurring {
            Objects.requireNonNull(cron, "cron");
            until = until == null ? Optional.empty() : until;
            parse(cron);
        }

        private static ExecutionTime parse(String text) {
            Cron parsed = PARSER.parse(text.trim()).validate();
            return ExecutionTime.forCron(parsed);
        }

        @Override
        public Optional<Instant> firstRun(Instant now) {
            // a rule due exactly now runs now: ExecutionTime answers strictly after its argument
            return nextAfter(now.minusSeconds(1));
        }

        @Override
        public Optional<Instant> nextAfter(Instant previous) {
            return parse(cron).nextExecution(ZonedDateTime.ofInstant(previous, BAMAKO))
                    .map(ZonedDateTime::toInstant)
                    .filter(next -> until.isEmpty() || next.isBefore(until.get()));
        }

        /** The shortest gap between the next {@code runs} runs after {@code from}; empty with fewer than two. */
        public Optional<Duration> shortestGap(Instant from, int runs) {
            Optional<Instant> current = firstRun(from);
            Duration shortest = null;
            for (int i = 1; i < runs && current.isPresent(); i++) {
                Optional<Instant> next = nextAfter(current.get());
                if (next.isPresent()) {
                    Duration gap = Duration.between(current.get(), next.get());
                    shortest = shortest == null || gap.compareTo(shortest) < 0 ? gap : shortest;
                }
                current = next;
            }
            return Optional.ofNullable(shortest);
        }
    }
}
