package org.kunnafoni.text.template;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names a compiled template refers to. Names printed with {@code {{name}}} must have a non-blank value;
 * names that open a section ({@code {{#name}}…{{/name}}}) may be empty, which hides the section, also when
 * the section prints them (the visitor does not tell where a section ends, so such a name counts as
 * optional). Partials and dotted names are refused: an SMS text must be readable, and checkable, on its own.
 */
record MustacheNames(Set<String> printed, Set<String> sections, List<String> problems) {

    static MustacheNames of(Template template) {
        Set<String> printed = new LinkedHashSet<>();
        Set<String> sections = new LinkedHashSet<>();
        List<String> problems = new ArrayList<>();
        template.visit(new Mustache.Visitor() {
            @Override
            public void visitText(String text) {
            }

            @Override
            public void visitVariable(String name) {
                add(name, printed, problems);
            }

            @Override
            public boolean visitInclude(String name) {
                problems.add("partials ({{> " + name + "}}) are not allowed");
                return false;
            }

            @Override
            public boolean visitSection(String name) {
                add(name, sections, problems);
                return true;
            }

            @Override
            public boolean visitInvertedSection(String name) {
                add(name, sections, problems);
                return true;
            }
        });
        // {{#region}}, {{region}}{{/region}} prints a name inside its own section: that name is optional.
        printed.removeAll(sections);
        return new MustacheNames(printed, sections, problems);
    }

    private static void add(String name, Set<String> names, List<String> problems) {
        if (TemplateId.SLUG.matcher(name).matches()) {
            names.add(name);
        } else {
            problems.add("'{{" + name + "}}' is not a plain variable name");
        }
    }

    Set<String> all() {
        Set<String> all = new LinkedHashSet<>(printed);
        all.addAll(sections);
        return all;
    }
}
