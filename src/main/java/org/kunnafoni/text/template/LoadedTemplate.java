package org.kunnafoni.text.template;

import com.samskivert.mustache.Template;

/** A template file that compiled, with what rendering and checking need. */
record LoadedTemplate(MessageTemplate template, Template compiled, MustacheNames names, TopicSpec topic) {
}
