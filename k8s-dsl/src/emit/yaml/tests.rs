#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeMap;

use serde::Serialize;

use super::*;

#[derive(Serialize)]
struct Sample {
    name: &'static str,
    port: i32,
    ratio: f64,
    enabled: bool,
    labels: BTreeMap<&'static str, &'static str>,
    args: Vec<&'static str>,
    empty_map: BTreeMap<String, String>,
    empty_list: Vec<String>,
    nested: Vec<Inner>,
    matrix: Vec<Vec<i32>>,
}

#[derive(Serialize)]
struct Inner {
    a: &'static str,
    b: Option<i32>,
    c: Vec<&'static str>,
}

#[test]
fn writes_kubectl_layout() {
    let sample = Sample {
        name: "web",
        port: 8080,
        ratio: 1.0,
        enabled: true,
        labels: BTreeMap::from([("app", "web"), ("tier", "on")]),
        args: vec!["sh", "-c", "echo hi"],
        empty_map: BTreeMap::new(),
        empty_list: Vec::new(),
        nested: vec![
            Inner {
                a: "x",
                b: Some(1),
                c: vec!["p", "q"],
            },
            Inner {
                a: "y",
                b: None,
                c: vec![],
            },
        ],
        matrix: vec![vec![1, 2], vec![]],
    };
    let text = to_yaml(&sample).unwrap();
    let expected = r#"name: web
port: 8080
ratio: 1.0
enabled: true
labels:
  app: web
  tier: "on"
args:
- sh
- "-c"
- echo hi
empty_map: {}
empty_list: []
nested:
- a: x
  b: 1
  c:
  - p
  - q
- a: "y"
  b: null
  c: []
matrix:
- - 1
  - 2
- []
"#;
    assert_eq!(text, expected);
}

#[test]
fn quotes_what_yaml_1_1_or_1_2_would_retype() {
    for text in [
        "",
        "yes",
        "No",
        "ON",
        "off",
        "y",
        "N",
        "true",
        "False",
        "null",
        "Null",
        "~",
        "12:30",
        "1_000",
        "0x1F",
        "0o17",
        "017",
        "1e3",
        "1.28",
        "3",
        "-1",
        "+1",
        ".inf",
        ".NaN",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "<<",
        "=",
        " lead",
        "trail ",
        "a: b",
        "a #b",
        "#c",
        "- x",
        "? x",
        "[a]",
        "{a}",
        "*ref",
        "&anchor",
        "!tag",
        "|",
        ">",
        "'q'",
        "\"q\"",
        "%x",
        "@x",
        "`x`",
        "line\nbreak",
        "tab\tin",
        "é",
        "ünïcode",
        "\u{2028}",
    ] {
        assert!(!plain_is_safe(text), "{text:?} must be quoted");
    }
    for text in [
        "web",
        "busybox:1.28",
        "ghcr.io/subicura/echo:v1",
        "500m",
        "1Gi",
        "10Mi",
        "v1",
        "echo The app is running! && sleep 3600",
        "/api/ready",
        "app.kubernetes.io/name",
        "metadata.labels",
        "RandomRunner",
        "a=b",
        "x,y",
    ] {
        assert!(plain_is_safe(text), "{text:?} may be plain");
    }
}

#[test]
fn escapes_line_breaks_and_control_characters() {
    let mut out = String::new();
    write_quoted(
        &mut out,
        "a\"b\\c\nd\t\u{0}\u{7}\u{85}\u{2028}\u{feff}\u{ffff}é🚀",
    );
    assert_eq!(
        out,
        "\"a\\\"b\\\\c\\nd\\t\\0\\u0007\\u0085\\u2028\\uFEFF\\uFFFF\u{e9}🚀\""
    );
}

#[test]
fn floats_keep_a_fraction_and_special_values() {
    assert_eq!(float_text(2.0), "2.0");
    assert_eq!(float_text(0.25), "0.25");
    assert_eq!(float_text(f64::NAN), ".nan");
    assert_eq!(float_text(f64::NEG_INFINITY), "-.inf");
}

#[test]
fn map_keys_must_be_scalars() {
    let map = BTreeMap::from([(vec![1], 2)]);
    assert!(matches!(to_yaml(&map), Err(EmitError::Unsupported(_))));
}

#[test]
fn writer_separates_documents() {
    let mut writer = YamlWriter::new(Vec::new());
    writer.write(&BTreeMap::from([("a", 1)])).unwrap();
    writer.write(&BTreeMap::from([("b", 2)])).unwrap();
    assert_eq!(writer.documents(), 2);
    let bytes = writer.finish().unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), "a: 1\n---\nb: 2\n");
}

#[test]
fn round_trips_through_a_yaml_1_2_reader() {
    let sample = BTreeMap::from([
        (
            "yes",
            vec!["on", "12:30", "0x1F", " x ", "a: b", "line\nbreak", ""],
        ),
        ("2001-12-14", vec!["~", "null", "<<", "=", "é\u{2028}"]),
    ]);
    let text = to_yaml(&sample).unwrap();
    let back: BTreeMap<String, Vec<String>> = serde_yaml::from_str(&text).unwrap();
    let expected: BTreeMap<String, Vec<String>> = sample
        .iter()
        .map(|(k, v)| (k.to_string(), v.iter().map(|s| s.to_string()).collect()))
        .collect();
    assert_eq!(back, expected);
}

/// The plain-scalar rule as first written (one `matches!` per byte), kept to prove the
/// table-driven [`plain_is_safe`] decides exactly the same.
fn plain_is_safe_reference(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    if !(first.is_ascii_alphanumeric() || first == b'/' || first == b'_') {
        return false;
    }
    if last == b' ' || last == b':' {
        return false;
    }
    let mut previous = 0u8;
    for &byte in bytes {
        let allowed = byte.is_ascii_alphanumeric()
            || matches!(
                byte,
                b' ' | b'_'
                    | b'.'
                    | b'/'
                    | b'-'
                    | b':'
                    | b'='
                    | b'+'
                    | b'@'
                    | b'%'
                    | b','
                    | b'('
                    | b')'
                    | b'$'
                    | b'!'
                    | b'&'
                    | b'*'
                    | b';'
                    | b'?'
            );
        if !allowed || (byte == b' ' && previous == b':') {
            return false;
        }
        previous = byte;
    }
    let number_like = first.is_ascii_digit()
        && bytes.iter().all(|&b| {
            b.is_ascii_hexdigit()
                || matches!(
                    b,
                    b'x' | b'X'
                        | b'o'
                        | b'O'
                        | b'_'
                        | b':'
                        | b'.'
                        | b'+'
                        | b'-'
                        | b't'
                        | b'T'
                        | b'z'
                        | b'Z'
                        | b' '
                )
        });
    !(number_like || is_reserved_word(text))
}

#[test]
fn plain_rule_matches_the_reference_on_every_short_ascii_string() {
    let alphabet: Vec<u8> = (0u8..128).collect();
    let mut checked = 0usize;
    for &a in &alphabet {
        let one = [a];
        let text = std::str::from_utf8(&one).unwrap();
        assert_eq!(
            plain_is_safe(text),
            plain_is_safe_reference(text),
            "{text:?}"
        );
        for &b in &alphabet {
            for &c in &alphabet {
                let three = [a, b, c];
                let text = std::str::from_utf8(&three).unwrap();
                assert_eq!(
                    plain_is_safe(text),
                    plain_is_safe_reference(text),
                    "{text:?}"
                );
                checked += 1;
            }
        }
    }
    for text in [
        "",
        "y",
        "No",
        "ON",
        "null",
        "0x1F",
        "1_000",
        "12:30",
        "1e3",
        "2001-12-14",
        "2001-12-14t21:59:43.10-05:00",
        "a: b",
        "a:b",
        "a #b",
        "é",
        "web-0",
        "1500m",
        "2048Mi",
        "ghcr.io/example/app:1.4.2",
        "path=/var/log/app/*.log",
        "8080",
        "-1",
        "-c",
    ] {
        assert_eq!(
            plain_is_safe(text),
            plain_is_safe_reference(text),
            "{text:?}"
        );
    }
    assert_eq!(checked, 128 * 128 * 128);
}

#[test]
fn integers_and_map_keys_are_written_without_fmt() {
    let map = BTreeMap::from([(-3i64, i64::MIN), (0, 0), (7, i64::MAX)]);
    let text = to_yaml(&map).unwrap();
    assert_eq!(
        text,
        "\"-3\": -9223372036854775808\n\"0\": 0\n\"7\": 9223372036854775807\n"
    );
    let unsigned = BTreeMap::from([(u64::MAX, true)]);
    assert_eq!(
        to_yaml(&unsigned).unwrap(),
        "\"18446744073709551615\": true\n"
    );
    let bools = BTreeMap::from([(false, 1u8), (true, 2u8)]);
    assert_eq!(to_yaml(&bools).unwrap(), "\"false\": 1\n\"true\": 2\n");
    let deep = BTreeMap::from([("k", vec![vec![vec![vec![vec![1]]]]])]);
    assert_eq!(to_yaml(&deep).unwrap(), "k:\n- - - - - 1\n");
}
