//! How YAML readers resolve a plain (unquoted) scalar: the implicit resolvers of PyYAML
//! (YAML 1.1, resolver.py), the extra YAML 1.1 booleans Go's yaml.v2 knows (`y`, `n`), and
//! the YAML 1.2 core schema (ruamel.yaml, serde_yaml). A string written plain must match
//! none of them, or some reader takes it for something else.

use std::sync::OnceLock;

use regex::Regex;

const RESOLVERS: [(&str, &str); 10] = [
    (
        "yaml 1.1 bool",
        "yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|y|Y|n|N",
    ),
    (
        "yaml 1.1 float",
        "[-+]?(?:[0-9][0-9_]*)\\.[0-9_]*(?:[eE][-+][0-9]+)?|\\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?\
         |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
    ),
    (
        "yaml 1.1 int",
        "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+\
         |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
    ),
    ("yaml 1.1 merge", "<<"),
    ("yaml 1.1 null", "~|null|Null|NULL|"),
    (
        "yaml 1.1 timestamp",
        "[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]\
         |[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \\t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]\
         (?:\\.[0-9]*)?(?:[ \\t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?",
    ),
    ("yaml 1.1 value", "="),
    (
        "yaml 1.2 core",
        "true|True|TRUE|false|False|FALSE|null|Null|NULL|~\
         |[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+\
         |[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?\
         |[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN)",
    ),
    // Go's yaml.v2 hands anything starting like a number to strconv (base prefixes,
    // underscores), so a plain string must not start with a digit-ish character and be
    // numeric-looking; approximated generously.
    ("go yaml.v2 number", "[-+]?[0-9][0-9a-fA-FxXoObB_.:+-]*"),
    // Sexagesimal, dates with spaces and other 1.1 oddities all start with a digit and use
    // these characters; the emitter's own rule.
    ("yaml 1.1 base 60 / date", "[0-9][0-9:._+ tTzZ-]*"),
];

fn resolvers() -> &'static [(&'static str, Regex)] {
    static ALL: OnceLock<Vec<(&'static str, Regex)>> = OnceLock::new();
    ALL.get_or_init(|| {
        RESOLVERS
            .iter()
            .map(
                |(name, pattern)| match Regex::new(&format!("^(?:{pattern})$")) {
                    Ok(re) => (*name, re),
                    Err(e) => panic!("bad resolver regex {name}: {e}"),
                },
            )
            .collect()
    })
}

/// The first implicit resolver that claims `text` as a non-string, if any.
pub fn implicit_type(text: &str) -> Option<&'static str> {
    resolvers()
        .iter()
        .find(|(_, re)| re.is_match(text))
        .map(|(name, _)| *name)
}

/// Whether a character may appear raw in a YAML 1.1 stream (PyYAML's `NON_PRINTABLE` is the
/// complement, and NEL, LS, PS are line breaks there), other than the line feed.
pub fn raw_char_is_safe(c: char) -> bool {
    matches!(c, '\n' | '\u{20}'..='\u{7e}' | '\u{a0}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
        && !matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}')
}
