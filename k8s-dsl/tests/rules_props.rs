//! Property tests of the shared rule parsers (`k8s_dsl::rules`): on arbitrary, near-valid and
//! huge inputs they never panic, they accept exactly the API server's grammar (compared with
//! the simple reference implementations of `fuzz/checks/reference.rs`, written from the Go
//! sources), and `Display` of a parsed value parses back to the same value.
//!
//! The checks are the fuzz targets' (`fuzz/checks/rules.rs`), so a property that fails here
//! and a crash found by the fuzzer mean the same thing. `PROPTEST_CASES` raises the case count.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[allow(dead_code)]
#[path = "../../fuzz/checks/mod.rs"]
mod checks;

use std::str::FromStr;

use checks::reference;
use checks::rules::{check_one, PARSERS};
use k8s_dsl::rules::{
    cron::Schedule, duration::Duration, enums, image::Image, quantity::Quantity, timezone,
};
use proptest::prelude::*;
use proptest::string::string_regex;

/// 256 cases per property unless `PROPTEST_CASES` says otherwise.
fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(256),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Strings matching `pattern` (a generator, not a check).
fn matching(pattern: &str) -> BoxedStrategy<String> {
    string_regex(pattern).unwrap().boxed()
}

/// Characters that break grammars: separators, case, whitespace, controls and look-alikes
/// (`İ` lower-cases to two characters, `K` is the Kelvin sign, U+200B is invisible, `ℂ` and
/// `𝐀` are uppercase without a lowercase form: they once made the name rules recurse until
/// the stack overflowed).
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::sample::select(vec![
            '-', '.', '_', '/', ':', '@', '+', '*', '?', ',', ' ', '\t', '\n', '\0', '=', '#',
            '%', '[', ']',
        ]),
        2 => prop::char::range('a', 'z'),
        2 => prop::char::range('0', '9'),
        1 => prop::char::range('A', 'Z'),
        1 => prop::sample::select(vec![
            'é', 'İ', 'ß', 'K', 'µ', 'μ', '日', '😀', '\u{200b}', '\u{feff}', '\u{85}',
            '\u{2028}', 'Ａ', 'ℂ', '𝐀',
        ]),
        1 => any::<char>(),
    ]
}

/// One small edit of `valid`: a character inserted, removed or replaced, letters upper-cased,
/// a separator at an end, or the string repeated past its length limit.
fn mutate(valid: BoxedStrategy<String>) -> BoxedStrategy<String> {
    (valid, any::<prop::sample::Index>(), hostile_char(), 0..7u8)
        .prop_map(|(s, index, c, how)| {
            let chars: Vec<char> = s.chars().collect();
            let at = if chars.is_empty() {
                0
            } else {
                index.index(chars.len())
            };
            let mut out = chars.clone();
            match how {
                0 => out.insert(at.min(out.len()), c),
                1 if !out.is_empty() => {
                    out.remove(at);
                }
                2 if !out.is_empty() => out[at] = c,
                3 => return s.to_uppercase(),
                4 => return format!("{c}{s}"),
                5 => return format!("{s}{c}"),
                _ => return s.repeat(1 + 300 / s.len().max(1)),
            }
            out.into_iter().collect()
        })
        .boxed()
}

/// Valid strings, near-valid ones, and noise.
fn around(valid: BoxedStrategy<String>) -> BoxedStrategy<String> {
    prop_oneof![
        3 => valid.clone(),
        4 => mutate(valid.clone()),
        1 => mutate(mutate(valid)),
        1 => prop::collection::vec(hostile_char(), 0..40).prop_map(String::from_iter),
        1 => ".*",
    ]
    .boxed()
}

/// Checks `parser` on `input`, failing the case with the check's explanation.
fn agree(parser: &str, input: &str) -> Result<(), TestCaseError> {
    check_one(parser, input)
        .map_err(|problem| TestCaseError::fail(format!("{parser}({input:?}): {problem}")))
}

const SUBDOMAIN: &str =
    "[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,10}[a-z0-9])?){0,20}";
const LABEL: &str = "[a-z0-9]([-a-z0-9]{0,63}[a-z0-9])?";
const LABEL_1035: &str = "[a-z]([-a-z0-9]{0,63}[a-z0-9])?";
const QUALIFIED: &str = "([a-z0-9]([-a-z0-9]{0,8}[a-z0-9])?(\\.[a-z0-9]{1,8}){0,3}/)?\
                         [A-Za-z0-9]([-A-Za-z0-9_.]{0,63}[A-Za-z0-9])?";
const LABEL_VALUE: &str = "([A-Za-z0-9]([-A-Za-z0-9_.]{0,63}[A-Za-z0-9])?)?";
const PORT_NAME: &str = "[a-z0-9]{1,5}(-{1,2}[a-z0-9]{1,5}){0,3}";
const HEADER: &str = "[-A-Za-z0-9]{1,20}";
const ENV_NAME: &str = "[-._a-zA-Z][-._a-zA-Z0-9]{0,20}";
const CONFIG_KEY: &str = "[-._a-zA-Z0-9]{1,30}";
const QUANTITY: &str = "[+-]?([0-9]{1,20}(\\.[0-9]{0,12})?|\\.[0-9]{1,12})\
                        (Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]{1,3})?";
const DURATION: &str = "([0-9]{1,6}h)?([0-9]{1,6}m)?([0-9]{1,6}s)?";
const IMAGE: &str = "((localhost|[a-z0-9]{1,8}(\\.[a-zA-Z0-9]{1,8}){0,2}|\\[[0-9a-f:]{2,8}\\])\
                     (:[0-9]{1,5})?/)?\
                     [a-z0-9]{1,8}([._]|__|-{1,2})?[a-z0-9]{1,8}(/[a-z0-9]{1,8}([._]|__|-+)?[a-z0-9]{0,8}){0,2}\
                     (:[A-Za-z0-9_][A-Za-z0-9_.-]{0,20})?(@sha(256|512):[a-f0-9]{64})?";
const CRON_ITEM: &str =
    "(\\*|\\?|[0-9]{1,2}|[0-9]{1,2}-[0-9]{1,2}|JAN|feb|Mar-DEC|mon|SUN-sat|Fri|\\*-3)\
                         (/[0-9]{1,2})?";
const DESCRIPTOR: &str = "@(yearly|annually|monthly|weekly|daily|midnight|hourly|every \
                          [-+]?[0-9]{0,3}(\\.[0-9]{0,2})?(ns|us|µs|ms|s|m|h)([0-9]{1,3}(m|s))?)";

fn cron_schedules() -> BoxedStrategy<String> {
    let field = format!("{CRON_ITEM}(,{CRON_ITEM}){{0,2}}");
    prop_oneof![
        4 => prop::collection::vec(matching(&field), 5)
            .prop_map(|fields| fields.join(" ")),
        1 => prop::collection::vec(matching(&field), 3..8)
            .prop_map(|fields| fields.join("\t ")),
        2 => matching(DESCRIPTOR),
    ]
    .boxed()
}

fn time_zones() -> BoxedStrategy<String> {
    prop_oneof![
        3 => prop::sample::select(timezone::ZONES).prop_map(str::to_string),
        1 => matching("[A-Za-z._+0-9-]{1,16}(/[A-Za-z._+0-9-]{1,16}){0,2}"),
        1 => Just("Local".to_string()),
        1 => Just("lOCAL".to_string()),
    ]
    .boxed()
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn rules_1_11_dns1123_subdomain_matches_apimachinery(s in around(matching(SUBDOMAIN))) {
        agree("dns1123_subdomain", &s)?;
        agree("cronjob_name", &s)?;
    }

    #[test]
    fn rules_6_7_10_dns1123_label_matches_apimachinery(s in around(matching(LABEL))) {
        agree("dns1123_label", &s)?;
        agree("indexed_job_name", &s)?;
    }

    #[test]
    fn rule_2_dns1035_label_matches_apimachinery(s in around(matching(LABEL_1035))) {
        agree("dns1035_label", &s)?;
    }

    #[test]
    fn rule_5_indexed_job_name_matches_the_last_hostname(
        s in around(matching(LABEL)),
        completions in prop_oneof![-2..5i32, 1..1_000_000i32, Just(i32::MAX), Just(i32::MIN)],
    ) {
        let got = k8s_dsl::rules::names::indexed_job_name(&s, completions);
        prop_assert_eq!(got.is_ok(), reference::indexed_job_name(&s, completions), "{:?}", got);
    }

    #[test]
    fn rules_8_9_48_qualified_names_match_apimachinery(s in around(matching(QUALIFIED))) {
        agree("qualified_name", &s)?;
        agree("annotation_key", &s)?;
    }

    #[test]
    fn rule_8_label_value_matches_apimachinery(s in around(matching(LABEL_VALUE))) {
        agree("label_value", &s)?;
    }

    #[test]
    fn rule_21_port_name_matches_apimachinery(s in around(matching(PORT_NAME))) {
        agree("port_name", &s)?;
    }

    #[test]
    fn rule_25_http_header_name_matches_apimachinery(s in around(matching(HEADER))) {
        agree("http_header_name", &s)?;
    }

    #[test]
    fn rule_30_env_var_name_matches_apimachinery(s in around(matching(ENV_NAME))) {
        agree("env_var_name", &s)?;
    }

    #[test]
    fn rule_34_config_map_key_matches_apimachinery(s in around(matching(CONFIG_KEY))) {
        agree("config_map_key", &s)?;
    }

    #[test]
    fn rule_48_quantity_matches_parse_quantity(s in around(matching(QUANTITY))) {
        agree("quantity", &s)?;
    }

    #[test]
    fn rule_48_quantity_display_parses_back(s in matching(QUANTITY)) {
        let q = Quantity::parse(&s).map_err(|e| TestCaseError::fail(format!("{s:?}: {e}")))?;
        let back = Quantity::from_str(&q.to_string()).unwrap();
        prop_assert_eq!(&back, &q);
        prop_assert_eq!(back.as_nanos(), q.as_nanos());
        prop_assert_eq!(back.format(), q.format());
    }

    #[test]
    fn duration_matches_its_grammar(s in around(matching(DURATION))) {
        agree("duration", &s)?;
    }

    #[test]
    fn duration_display_parses_back(secs in prop_oneof![0..100_000i64, 0..i64::MAX]) {
        let text = format!("{secs}s");
        let d = Duration::parse(&text).unwrap();
        prop_assert_eq!(d.as_secs(), secs);
        let shown = d.to_string();
        prop_assert_eq!(Duration::parse(&shown).unwrap(), d, "{}", shown);
        prop_assert_eq!(Duration::from_str(&shown).unwrap().as_secs(), secs);
    }

    #[test]
    fn duration_constructors_display_parses_back(n in any::<u32>()) {
        for d in [Duration::seconds(n), Duration::minutes(n), Duration::hours(n)] {
            prop_assert_eq!(Duration::parse(&d.to_string()).unwrap(), d);
        }
    }

    #[test]
    fn rule_14_image_matches_the_reference_grammar(s in around(matching(IMAGE))) {
        agree("image", &s)?;
    }

    #[test]
    fn rule_14_image_display_parses_back(s in matching(IMAGE)) {
        if let Ok(image) = Image::parse(&s) {
            prop_assert_eq!(Image::from_str(&image.to_string()).unwrap(), image);
        }
    }

    #[test]
    fn rules_61_62_cron_matches_robfig(s in around(cron_schedules())) {
        agree("cron", &s)?;
    }

    #[test]
    fn rule_61_cron_display_parses_back(s in cron_schedules()) {
        if let Ok(schedule) = Schedule::parse(&s) {
            prop_assert_eq!(Schedule::from_str(&schedule.to_string()).unwrap(), schedule);
        }
    }

    #[test]
    fn rule_63_time_zone_matches_validate_time_zone(s in around(time_zones())) {
        agree("time_zone", &s)?;
    }

    #[test]
    fn every_parser_survives_noise(s in ".*", which in 0..PARSERS.len()) {
        agree(PARSERS[which], &s)?;
    }
}

proptest! {
    // Huge inputs are slow in debug builds: fewer cases.
    #![proptest_config(ProptestConfig { cases: 6, ..config() })]

    #[test]
    fn every_parser_survives_100_kb(
        unit in prop_oneof![
            matching(SUBDOMAIN),
            matching(QUANTITY),
            matching(IMAGE),
            cron_schedules(),
            prop::collection::vec(hostile_char(), 1..8).prop_map(String::from_iter),
        ],
        size in 50_000..100_000usize,
        tail in hostile_char(),
    ) {
        let mut big = unit.repeat(size / unit.len().max(1) + 1);
        big.push(tail);
        for parser in PARSERS {
            agree(parser, &big)?;
        }
    }
}

/// Every enum: `FromStr` accepts exactly the `as_str` spellings, and `Display` parses back.
macro_rules! enum_round_trip {
    ($($name:ident),+ $(,)?) => {
        proptest! {
            #![proptest_config(config())]

            #[test]
            fn enums_accept_exactly_their_values(s in prop_oneof![
                prop::sample::select(vec![$(enums::$name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),+].concat())
                    .prop_map(str::to_string)
                    .boxed(),
                mutate(
                    prop::sample::select(vec![$(enums::$name::ALL.iter().map(|v| v.as_str()).collect::<Vec<_>>()),+].concat())
                        .prop_map(str::to_string)
                        .boxed(),
                ),
            ]) {
                $(
                    let known = enums::$name::ALL.iter().any(|v| v.as_str() == s);
                    match enums::$name::from_str(&s) {
                        Ok(v) => {
                            prop_assert!(known, "{} accepted {:?}", stringify!($name), s);
                            prop_assert_eq!(v.to_string(), s.clone());
                        }
                        Err(e) => {
                            prop_assert!(!known, "{} refused {:?}: {}", stringify!($name), s, e);
                            prop_assert_eq!(e.rule, enums::$name::RULE);
                        }
                    }
                )+
            }
        }

        #[test]
        fn enums_display_parses_back() {
            $(
                for v in enums::$name::ALL {
                    assert_eq!(enums::$name::from_str(&v.to_string()).unwrap(), *v);
                }
            )+
        }
    };
}

enum_round_trip!(
    ImagePullPolicy,
    TerminationMessagePolicy,
    Protocol,
    Scheme,
    RestartPolicy,
    JobRestartPolicy,
    DnsPolicy,
    ConcurrencyPolicy,
    CompletionMode,
    PodFailurePolicyAction,
    ServiceType,
    StorageMedium,
    AccessMode,
    TolerationOperator,
    TaintEffect,
    PodManagementPolicy,
    MountPropagation,
    ExternalTrafficPolicy,
    SessionAffinity,
    ConditionStatus,
    OnExitCodesOperator,
    OsName,
    SeccompProfileType,
    PreemptionPolicy,
);

/// Specific mutations of valid schedules that robfig/cron refuses, each refused here.
#[test]
fn rule_61_cron_specific_mutations_are_refused() {
    for bad in [
        "60 * * * *",
        "* 24 * * *",
        "* * 0 * *",
        "* * 32 * *",
        "* * * 13 *",
        "* * * 0 *",
        "* * * * 7",
        "5-1 * * * *",
        "*/0 * * * *",
        "1-2-3 * * * *",
        "1/2/3 * * * *",
        "-1 * * * *",
        "a * * * *",
        "* * * JANUARY *",
        "* * * * MONDAY",
        "* * * *",
        "* * * * * *",
        "@every",
        "@every ",
        "@every 5",
        "@every 5x",
        "@daily ",
        "@reboot",
        "TZ=UTC * * * * *",
        "CRON_TZ=UTC 0 * * * *",
        "0 0 * * * TZ",
    ] {
        assert!(
            matches!(reference::cron(bad), reference::CronVerdict::Refused(_)),
            "the reference accepts {bad:?}"
        );
        assert!(Schedule::parse(bad).is_err(), "accepted {bad:?}");
    }
}

/// The reference grammars are not vacuous: they accept the documented examples and refuse
/// obvious mistakes (a reference that accepts everything would make every property pass).
#[test]
fn references_accept_and_refuse_known_examples() {
    assert!(reference::dns1123_subdomain("web.example.com"));
    assert!(!reference::dns1123_subdomain("Web"));
    assert!(!reference::dns1123_subdomain(&"a".repeat(254)));
    assert!(reference::dns1123_label("web-1"));
    assert!(!reference::dns1123_label("web.1"));
    assert!(reference::dns1035_label("web"));
    assert!(!reference::dns1035_label("1web"));
    assert!(reference::qualified_name("app.kubernetes.io/name"));
    assert!(!reference::qualified_name("a/b/c"));
    assert!(reference::label_value(""));
    assert!(!reference::label_value("-a"));
    assert!(reference::port_name("http"));
    assert!(!reference::port_name("80"));
    assert!(!reference::port_name("a--b"));
    assert!(reference::env_var_name("MY_VAR.1"));
    assert!(!reference::env_var_name("1VAR"));
    assert!(!reference::env_var_name("..a"));
    assert!(reference::config_map_key("1.conf"));
    assert!(!reference::config_map_key("a/b"));
    for ok in ["1", "500m", "1.5Gi", ".5", "1.", "1e3", "-1E-3", "+2k"] {
        assert!(reference::quantity(ok), "{ok}");
        assert!(Quantity::parse(ok).is_ok(), "{ok}");
    }
    for bad in ["1K", "1KB", "1 Gi", "1.1.1", "1e", "ee", "1Gi5"] {
        assert!(!reference::quantity(bad), "{bad}");
        assert!(Quantity::parse(bad).is_err(), "{bad}");
    }
    assert_eq!(reference::quantity_nanos("1Ki"), Some(1024 * 1_000_000_000));
    assert_eq!(reference::quantity_nanos("1n"), Some(1));
    assert_eq!(reference::quantity_nanos("0.1n"), Some(1));
    assert_eq!(reference::quantity_nanos("-0.1n"), Some(-1));
    assert_eq!(reference::duration("1h30m"), Some(5400));
    assert_eq!(reference::duration("30m1h"), None);
    assert_eq!(
        reference::image("nginx:1.27"),
        reference::ImageVerdict::Valid
    );
    assert_eq!(reference::image("Nginx"), reference::ImageVerdict::Invalid);
    assert_eq!(
        reference::image("localhost:5000/a/b:c"),
        reference::ImageVerdict::Valid
    );
    assert_eq!(
        reference::image("a@sha256:abc"),
        reference::ImageVerdict::Invalid
    );
    // A first part with a `.` is the registry; one that is no host name passes Go's regexp
    // only as a path component (found by the `rules` fuzz target, 2026-12-01).
    for image in ["011173a2a.d_r/2y2", "my_registry.example/app:1"] {
        assert_eq!(
            reference::image(image),
            reference::ImageVerdict::RegistryNotAHost,
            "{image}"
        );
    }
    assert_eq!(
        reference::image("registry.example:5000/app_x/y"),
        reference::ImageVerdict::Valid
    );
    assert_eq!(
        reference::image("my_registry/app"),
        reference::ImageVerdict::Valid
    );
    assert!(matches!(
        reference::cron("0 22 * * 1-5"),
        reference::CronVerdict::Fields(_)
    ));
    assert!(reference::time_zone_syntax(
        "America/Argentina/Buenos_Aires"
    ));
    assert!(!reference::time_zone_syntax("Local"));
    assert!(!reference::time_zone_syntax("Europe/../x"));
    for zone in timezone::ZONES {
        assert!(reference::time_zone_syntax(zone), "{zone}");
    }
}
