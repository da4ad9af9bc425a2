//! Test fixtures shared by the integration tests and the `hostile-strings` program, whose output
//! the test command loads back with PyYAML (YAML 1.1) and ruamel.yaml (YAML 1.2).

pub mod roundtrip;

use std::collections::BTreeMap;

use k8s_openapi::api::core::v1::{Container, EnvVar, Pod, PodSpec};
use k8s_openapi::apimachinery::pkg::apis::meta::v1::ObjectMeta;

/// Strings that a careless YAML writer turns into something else: YAML 1.1 booleans in every
/// case, octal, hex, sexagesimal and underscored numbers, floats, dates, nulls, merge keys,
/// indicators, surrounding spaces, line breaks and unicode.
pub const HOSTILE_STRINGS: &[&str] = &[
    // YAML 1.1 booleans (Kubernetes' Go reader and PyYAML), in all their spellings
    "y",
    "Y",
    "yes",
    "Yes",
    "YES",
    "n",
    "N",
    "no",
    "No",
    "NO",
    "true",
    "True",
    "TRUE",
    "false",
    "False",
    "FALSE",
    "on",
    "On",
    "ON",
    "off",
    "Off",
    "OFF",
    "yEs",
    "oN",
    // nulls
    "~",
    "null",
    "Null",
    "NULL",
    "",
    // integers: decimal, signed, octal (1.1 and 1.2), hex, binary, underscores, sexagesimal
    "0",
    "1",
    "-1",
    "+1",
    "007",
    "0o17",
    "0x1F",
    "0xff",
    "0b1010",
    "1_000",
    "1_000_000",
    "12:30",
    "190:20:30",
    "-12:30",
    "65535",
    "8080",
    // floats
    "1.0",
    "1.28",
    "-0.5",
    "+.5",
    ".5",
    "1e3",
    "1E-3",
    "6.8523015e+5",
    "685.230_15e+03",
    "1_2.5",
    "20:30.15",
    ".inf",
    "-.Inf",
    "+.INF",
    ".nan",
    ".NaN",
    "NaN",
    "Infinity",
    // timestamps
    "2001-12-14",
    "2001-12-14t21:59:43.10-05:00",
    "2001-12-14 21:59:43.10 -5",
    "2001-12-15T02:59:43.1Z",
    "2002-12-14",
    // merge and value keys, indicators at the start
    "<<",
    "=",
    "-",
    "--",
    "---",
    "...",
    "- item",
    "? key",
    ": value",
    "key: value",
    "a #b",
    "#c",
    "!tag",
    "!!str",
    "&anchor",
    "*alias",
    "|",
    ">",
    "|-",
    "'single'",
    "\"double\"",
    "%percent",
    "@at",
    "`tick`",
    "[a, b]",
    "{a: b}",
    "a, b",
    "x:",
    "x: ",
    // white space
    " leading",
    "trailing ",
    " both ",
    "\ttab",
    "tab\tinside",
    "two  spaces",
    "  ",
    // line breaks and control characters
    "line\nbreak",
    "trailing newline\n",
    "\nleading newline",
    "cr\rlf",
    "crlf\r\n",
    "nul\u{0}byte",
    "bell\u{7}",
    "escape\u{1b}[0m",
    "del\u{7f}",
    // unicode, including characters YAML 1.1 treats as line breaks
    "é",
    "naïve",
    "日本語",
    "🚀 rocket",
    "next\u{85}line",
    "line\u{2028}separator",
    "para\u{2029}graph",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}leading next line",
    "trailing line separator\u{2028}",
    "all three \u{85}\u{2028}\u{2029} in a row",
    "\u{feff}bom",
    "nbsp\u{a0}space",
    "zero\u{200b}width",
    // quotes and backslashes
    "back\\slash",
    "C:\\path\\file",
    "it's",
    "say \"hi\"",
    "\\n not a newline",
    // plain-looking values that must stay as they are
    "web",
    "busybox:1.28",
    "500m",
    "1Gi",
    "echo $(HOME) && exit 0",
    "while true; do echo -en '\\n\\n'; done;",
];

/// Every hostile string with a few case variants of the alphabetic ones, so each YAML 1.1
/// boolean spelling is covered.
pub fn hostile_strings() -> Vec<String> {
    let mut strings: Vec<String> = HOSTILE_STRINGS.iter().map(|s| (*s).to_owned()).collect();
    for text in HOSTILE_STRINGS {
        for variant in [text.to_uppercase(), text.to_lowercase()] {
            if !strings.contains(&variant) {
                strings.push(variant);
            }
        }
    }
    strings
}

/// A Pod carrying every hostile string as a label value, an annotation key and value, an env
/// value and a command argument. It is made with raw k8s-openapi types on purpose: this tests
/// the emitter, not the builders (which would reject most of these as label values).
pub fn hostile_pod() -> Pod {
    let strings = hostile_strings();
    let labels: BTreeMap<String, String> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("label-{i}"), s.clone()))
        .collect();
    let annotations: BTreeMap<String, String> = strings
        .iter()
        .enumerate()
        .map(|(i, s)| (s.clone(), format!("value-{i}: {s}")))
        .collect();
    let env = strings
        .iter()
        .enumerate()
        .map(|(i, s)| EnvVar {
            name: format!("VAR_{i}"),
            value: Some(s.clone()),
            ..EnvVar::default()
        })
        .collect();
    Pod {
        metadata: ObjectMeta {
            name: Some("hostile-strings".to_owned()),
            labels: Some(labels),
            annotations: Some(annotations),
            ..ObjectMeta::default()
        },
        spec: Some(PodSpec {
            containers: vec![Container {
                name: "app".to_owned(),
                image: Some("busybox:1.28".to_owned()),
                command: Some(strings.clone()),
                args: Some(strings),
                env: Some(env),
                ..Container::default()
            }],
            ..PodSpec::default()
        }),
        ..Pod::default()
    }
}
