//! Object and field names: DNS-1123 subdomains and labels, DNS-1035 labels (rules 1-7, 10, 11).
//!
//! The grammars are apimachinery's `IsDNS1123Subdomain`, `IsDNS1123Label` and
//! `IsDNS1035Label` (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go).
//! Each check reports the first problem precisely (the offending character, the end that is
//! wrong, or the length and the limit) instead of quoting the regular expression.
//!
//! ```
//! use k8s_dsl_rules::names;
//!
//! assert!(names::pod_name("web-0.shop").is_ok());
//! let violation = names::pod_name("Web").unwrap_err();
//! assert_eq!(violation.rule, 1);
//! assert!(violation.message.contains("`Web`"));
//! // Service names are DNS-1035 labels: no dots, a letter first.
//! assert_eq!(names::service_name("1-web").unwrap_err().rule, 2);
//! ```

use super::{shown, Checked, Violation};

/// `IsDNS1123Subdomain`: at most 253 characters.
///
/// ```
/// use k8s_dsl_rules::names::{pod_name, DNS1123_SUBDOMAIN_MAX};
///
/// assert!(pod_name(&"a".repeat(DNS1123_SUBDOMAIN_MAX)).is_ok());
/// assert!(pod_name(&"a".repeat(DNS1123_SUBDOMAIN_MAX + 1)).is_err());
/// ```
pub const DNS1123_SUBDOMAIN_MAX: usize = 253;
/// `IsDNS1123Label` and `IsDNS1035Label`: at most 63 characters.
///
/// ```
/// use k8s_dsl_rules::names::{container_name, DNS_LABEL_MAX};
///
/// assert!(container_name(&"a".repeat(DNS_LABEL_MAX)).is_ok());
/// assert_eq!(container_name(&"a".repeat(DNS_LABEL_MAX + 1)).unwrap_err().rule, 6);
/// ```
pub const DNS_LABEL_MAX: usize = 63;
/// Rule 4: a CronJob name leaves 11 characters of the 63 for the `-<timestamp>` job suffix.
///
/// ```
/// use k8s_dsl_rules::names::{cronjob_name, CRONJOB_NAME_MAX};
///
/// assert!(cronjob_name(&"a".repeat(CRONJOB_NAME_MAX)).is_ok());
/// assert_eq!(cronjob_name(&"a".repeat(CRONJOB_NAME_MAX + 1)).unwrap_err().rule, 4);
/// ```
pub const CRONJOB_NAME_MAX: usize = 52;

/// Which DNS grammar a name follows.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*`
    Subdomain,
    /// `[a-z0-9]([-a-z0-9]*[a-z0-9])?`
    Label1123,
    /// `[a-z]([-a-z0-9]*[a-z0-9])?`
    Label1035,
}

impl Kind {
    fn allowed(self) -> &'static str {
        match self {
            Kind::Subdomain => "use lowercase letters, digits, `-` and `.`",
            Kind::Label1123 | Kind::Label1035 => "use lowercase letters, digits and `-`",
        }
    }
}

/// Whether `value` follows `kind` and fits in `max` characters (no messages, for suggestions).
fn is_valid(value: &str, kind: Kind, max: usize) -> bool {
    // Never recurses more than once: a value with uppercase letters is invalid outright, so
    // `check` below does not reach its uppercase branch (which calls back here).
    !value.chars().any(char::is_uppercase) && check(value, 0, "", kind, max).is_ok()
}

/// A lowercase, `-`-separated rewrite of `value`, if that is a valid name of `kind`.
fn repaired(value: &str, kind: Kind, max: usize) -> Option<String> {
    if value.len() > max {
        return None;
    }
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        let c = c.to_ascii_lowercase();
        let keep = c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
        if keep || (c == '.' && kind == Kind::Subdomain) {
            out.push(c);
        } else if c == '_' || c == ' ' || c == '.' {
            out.push('-');
        } else {
            return None;
        }
    }
    let trimmed = out.trim_matches(|c| c == '-' || c == '.');
    (trimmed != value && is_valid(trimmed, kind, max)).then(|| trimmed.to_string())
}

/// The fix for a name that a rewrite can repair, or `fallback`.
fn fix_with(value: &str, kind: Kind, max: usize, fallback: &str) -> String {
    match repaired(value, kind, max) {
        Some(better) => format!("use {}", shown(&better)),
        None => fallback.to_string(),
    }
}

/// The shared checker: `value` must follow `kind` and be at most `max` bytes long.
fn check(value: &str, rule: u16, what: &str, kind: Kind, max: usize) -> Checked {
    if value.is_empty() {
        return Err(Violation::new(
            rule,
            format!("{what} is required"),
            format!("set the {what}"),
        ));
    }
    let quoted = || shown(value);
    // Characters first: the most precise thing to say.
    // Letters such as `ℂ` are uppercase but have no lowercase form: they are reported as
    // characters that are not allowed, below.
    // (Only a value with an uppercase letter is lowercased: names are checked on every build.)
    let lower = if value.chars().any(char::is_uppercase) {
        value.to_lowercase()
    } else {
        String::new()
    };
    if !lower.is_empty() && lower != value {
        let fix = if is_valid(&lower, kind, max) {
            format!("use {}", shown(&lower))
        } else {
            fix_with(value, kind, max, "use lowercase letters")
        };
        // The other characters the name may not contain, so one message names them all.
        let mut others: Vec<char> = Vec::new();
        for c in lower.chars() {
            let ok = c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || (c == '.' && kind == Kind::Subdomain);
            if !ok && !others.contains(&c) {
                others.push(c);
                if others.len() == 8 {
                    break;
                }
            }
        }
        let message = if others.is_empty() {
            format!("{what} {} contains uppercase letters", quoted())
        } else {
            let listed: Vec<String> = others
                .iter()
                .map(|c| shown(c.encode_utf8(&mut [0; 4])))
                .collect();
            format!(
                "{what} {} contains uppercase letters and may not contain {}",
                quoted(),
                listed.join(", ")
            )
        };
        return Err(Violation::new(rule, message, fix));
    }
    for c in value.chars() {
        let ok = c.is_ascii_lowercase()
            || c.is_ascii_digit()
            || c == '-'
            || (c == '.' && kind == Kind::Subdomain);
        if ok {
            continue;
        }
        let fix = match c {
            '_' | '.' => fix_with(value, kind, max, "use `-` instead"),
            _ => fix_with(value, kind, max, kind.allowed()),
        };
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} may not contain {}",
                quoted(),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            fix,
        ));
    }
    // Only ASCII from here on, so bytes are characters.
    let first = value.bytes().next().unwrap_or(b'a');
    let last = value.bytes().next_back().unwrap_or(b'a');
    if first == b'-' || first == b'.' {
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} must start with a lowercase letter or digit, not `{}`",
                quoted(),
                char::from(first)
            ),
            fix_with(value, kind, max, "remove the leading character"),
        ));
    }
    if kind == Kind::Label1035 && first.is_ascii_digit() {
        return Err(Violation::new(
            rule,
            format!("{what} {} must start with a letter", quoted()),
            "start it with a lowercase letter",
        ));
    }
    if last == b'-' || last == b'.' {
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} must end with a lowercase letter or digit, not `{}`",
                quoted(),
                char::from(last)
            ),
            fix_with(value, kind, max, "remove the trailing character"),
        ));
    }
    if kind == Kind::Subdomain {
        for part in value.split('.') {
            if part.is_empty() {
                return Err(Violation::new(
                    rule,
                    format!("{what} {} has an empty part between dots", quoted()),
                    "use a single `.` between parts",
                ));
            }
            if part.starts_with('-') || part.ends_with('-') {
                return Err(Violation::new(
                    rule,
                    format!(
                        "{what} {} has a part {} that starts or ends with `-`",
                        quoted(),
                        shown(part)
                    ),
                    "start and end each dot-separated part with a letter or digit",
                ));
            }
        }
    }
    if value.len() > max {
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} is {} characters long; the limit is {max}",
                quoted(),
                value.len()
            ),
            format!("shorten it to {max} characters or fewer"),
        ));
    }
    Ok(())
}

/// A lowercase RFC 1123 subdomain of at most 253 characters (`IsDNS1123Subdomain`).
///
/// ```
/// use k8s_dsl_rules::names::dns1123_subdomain;
///
/// assert!(dns1123_subdomain("shop.example.com", 11, "config map name").is_ok());
/// let violation = dns1123_subdomain("shop_db", 11, "config map name").unwrap_err();
/// assert_eq!(violation.rule, 11);
/// assert!(violation.message.starts_with("config map name `shop_db`"));
/// ```
pub fn dns1123_subdomain(value: &str, rule: u16, what: &str) -> Checked {
    check(value, rule, what, Kind::Subdomain, DNS1123_SUBDOMAIN_MAX)
}

/// A lowercase RFC 1123 label of at most 63 characters (`IsDNS1123Label`).
///
/// ```
/// use k8s_dsl_rules::names::dns1123_label;
///
/// assert!(dns1123_label("web-1", 7, "volume name").is_ok());
/// assert!(dns1123_label("web.1", 7, "volume name").is_err()); // no dots in a label
/// assert!(dns1123_label("-web", 7, "volume name").is_err());
/// ```
pub fn dns1123_label(value: &str, rule: u16, what: &str) -> Checked {
    check(value, rule, what, Kind::Label1123, DNS_LABEL_MAX)
}

/// An RFC 1035 label: like a DNS-1123 label, but starting with a letter (`IsDNS1035Label`).
///
/// ```
/// use k8s_dsl_rules::names::dns1035_label;
///
/// assert!(dns1035_label("web", 2, "service name").is_ok());
/// assert_eq!(dns1035_label("1web", 2, "service name").unwrap_err().rule, 2); // a letter first
/// ```
pub fn dns1035_label(value: &str, rule: u16, what: &str) -> Checked {
    check(value, rule, what, Kind::Label1035, DNS_LABEL_MAX)
}

/// A pod name (rule 1, `ValidatePodName = NameIsDNSSubdomain`).
///
/// ```
/// use k8s_dsl_rules::names::pod_name;
///
/// assert!(pod_name("web.shop").is_ok());
/// assert_eq!(pod_name("Web").unwrap_err().rule, 1);
/// ```
pub fn pod_name(value: &str) -> Checked {
    dns1123_subdomain(value, 1, "pod name")
}

/// A Service name (rule 2, `ValidateServiceName = NameIsDNS1035Label`).
///
/// ```
/// use k8s_dsl_rules::names::service_name;
///
/// assert!(service_name("checkout").is_ok());
/// assert_eq!(service_name("checkout.v2").unwrap_err().rule, 2);
/// ```
pub fn service_name(value: &str) -> Checked {
    dns1035_label(value, 2, "service name")
}

/// A Job name (rule 3, `ValidateJob`).
///
/// ```
/// use k8s_dsl_rules::names::job_name;
///
/// assert!(job_name("db-migrate.v2").is_ok());
/// assert_eq!(job_name("db_migrate").unwrap_err().rule, 3);
/// ```
pub fn job_name(value: &str) -> Checked {
    dns1123_subdomain(value, 3, "job name")
}

/// A CronJob name: a DNS subdomain (rule 3) of at most 52 characters (rule 4,
/// `ValidateCronJobCreate`), since the controller appends an 11-character `-<timestamp>`.
///
/// ```
/// use k8s_dsl_rules::names::cronjob_name;
///
/// assert!(cronjob_name("nightly-backup").is_ok());
/// assert_eq!(cronjob_name("Nightly").unwrap_err().rule, 3);
/// assert_eq!(cronjob_name(&"a".repeat(53)).unwrap_err().rule, 4);
/// ```
pub fn cronjob_name(value: &str) -> Checked {
    check(value, 3, "cronjob name", Kind::Subdomain, usize::MAX)?;
    if value.len() > CRONJOB_NAME_MAX {
        return Err(Violation::new(
            4,
            format!(
                "cronjob name {} is {} characters long; the limit is {CRONJOB_NAME_MAX} \
                 (63 - 11 for the job suffix)",
                shown(value),
                value.len()
            ),
            format!("shorten it to {CRONJOB_NAME_MAX} characters or fewer"),
        ));
    }
    Ok(())
}

/// An Indexed Job's name: `<name>-<completions - 1>`, the last pod's hostname, must be a
/// DNS-1123 label (rule 5, `ValidateJob`). Only checked when `completions > 0`.
///
/// ```
/// use k8s_dsl_rules::names::indexed_job_name;
///
/// assert!(indexed_job_name("render", 100).is_ok()); // last pod: `render-99`
/// let violation = indexed_job_name(&"a".repeat(62), 10).unwrap_err(); // `aaa…a-9`: 64 characters
/// assert_eq!(violation.rule, 5);
/// assert_eq!(violation.fix, "shorten the job name to 61 characters or fewer");
/// ```
pub fn indexed_job_name(name: &str, completions: i32) -> Checked {
    if completions <= 0 {
        return Ok(());
    }
    let suffix = format!("-{}", i64::from(completions) - 1);
    let hostname = format!("{name}{suffix}");
    match dns1123_label(&hostname, 5, "pod hostname") {
        Ok(()) => Ok(()),
        Err(_) if hostname.len() > DNS_LABEL_MAX && is_valid(name, Kind::Label1123, usize::MAX) => {
            let room = DNS_LABEL_MAX.saturating_sub(suffix.len());
            Err(Violation::new(
                5,
                format!(
                    "indexed job name {} is too long: the last pod hostname {} would be {} \
                     characters; the limit is {DNS_LABEL_MAX}",
                    shown(name),
                    shown(&hostname),
                    hostname.len()
                ),
                format!("shorten the job name to {room} characters or fewer"),
            ))
        }
        Err(inner) => Err(Violation::new(
            5,
            format!(
                "indexed job name {} gives pod hostnames such as {}, which must be DNS-1123 \
                 labels: {}",
                shown(name),
                shown(&hostname),
                inner.message
            ),
            inner.fix,
        )),
    }
}

/// A container name (rule 6, `validateContainerCommon`).
///
/// ```
/// use k8s_dsl_rules::names::container_name;
///
/// assert!(container_name("nginx").is_ok());
/// assert_eq!(container_name("nginx.proxy").unwrap_err().rule, 6);
/// ```
pub fn container_name(value: &str) -> Checked {
    dns1123_label(value, 6, "container name")
}

/// A volume name (rule 7, `ValidateVolumes`); uniqueness is checked by the pod.
///
/// ```
/// use k8s_dsl_rules::names::volume_name;
///
/// assert!(volume_name("html").is_ok());
/// assert_eq!(volume_name("HTML").unwrap_err().rule, 7);
/// ```
pub fn volume_name(value: &str) -> Checked {
    dns1123_label(value, 7, "volume name")
}

/// A pod's `hostname` or `subdomain` (rule 10, `ValidatePodSpec`).
///
/// ```
/// use k8s_dsl_rules::names::hostname;
///
/// assert!(hostname("db-0").is_ok());
/// assert_eq!(hostname("db.0").unwrap_err().rule, 10);
/// ```
pub fn hostname(value: &str) -> Checked {
    dns1123_label(value, 10, "hostname")
}

/// The name of another object (serviceAccountName, priorityClassName, runtimeClassName,
/// ConfigMap and Secret names): a DNS subdomain (rules 11 and 34).
///
/// ```
/// use k8s_dsl_rules::names::object_name;
///
/// assert!(object_name("high-priority", 11, "priority class name").is_ok());
/// let violation = object_name("High", 11, "priority class name").unwrap_err();
/// assert_eq!(violation.rule, 11);
/// assert!(violation.message.starts_with("priority class name `High`"));
/// ```
pub fn object_name(value: &str, rule: u16, what: &str) -> Checked {
    dns1123_subdomain(value, rule, what)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rule_1_uppercase_letters_without_a_lowercase_form_are_errors_not_a_stack_overflow() {
        // Found by the `rules` fuzz target: `ℂ` is uppercase and lowercases to itself.
        for name in ["ℂ", "𝐀", "aℂb", "Aℂ"] {
            let error = pod_name(name).unwrap_err();
            assert_eq!(error.rule, 1, "{name}");
        }
        assert!(super::super::labels::label_key("ℂ/x").is_err());
    }

    #[test]
    fn rule_1_pod_name_accepts_subdomains() {
        for ok in ["web", "web-1", "a", "0", "web.example.com", "1a-b.c-2"] {
            assert_eq!(pod_name(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rule_1_pod_name_empty_is_required() {
        let e = pod_name("").unwrap_err();
        assert_eq!(e.rule, 1);
        assert_eq!(e.message, "pod name is required");
    }

    #[test]
    fn rule_1_pod_name_uppercase_suggests_lowercase() {
        let e = pod_name("Web").unwrap_err();
        assert_eq!(e.message, "pod name `Web` contains uppercase letters");
        assert_eq!(e.fix, "use `web`");
    }

    #[test]
    fn rule_1_uppercase_and_other_characters_are_all_reported() {
        let e = pod_name("P_1!").unwrap_err();
        assert_eq!(
            e.message,
            "pod name `P_1!` contains uppercase letters and may not contain `_`, `!`"
        );
        assert_eq!(e.rule, 1);
        let e = container_name("Web_App").unwrap_err();
        assert!(e.message.ends_with("may not contain `_`"), "{}", e.message);
        assert_eq!(e.fix, "use `web-app`");
    }

    #[test]
    fn rule_1_pod_name_underscore() {
        let e = pod_name("my_app").unwrap_err();
        assert_eq!(e.message, "pod name `my_app` may not contain `_`");
        assert_eq!(e.fix, "use `my-app`");
    }

    #[test]
    fn rule_1_pod_name_hyphen_at_ends() {
        let e = pod_name("-web").unwrap_err();
        assert_eq!(
            e.message,
            "pod name `-web` must start with a lowercase letter or digit, not `-`"
        );
        assert_eq!(e.fix, "use `web`");
        let e = pod_name("web-").unwrap_err();
        assert_eq!(
            e.message,
            "pod name `web-` must end with a lowercase letter or digit, not `-`"
        );
        let e = pod_name("web.").unwrap_err();
        assert!(e.message.contains("must end with"));
    }

    #[test]
    fn rule_1_pod_name_bad_dots() {
        let e = pod_name("a..b").unwrap_err();
        assert_eq!(e.message, "pod name `a..b` has an empty part between dots");
        let e = pod_name("a.-b").unwrap_err();
        assert_eq!(
            e.message,
            "pod name `a.-b` has a part `-b` that starts or ends with `-`"
        );
        let e = pod_name("a-.b").unwrap_err();
        assert!(e.message.contains("part `a-`"));
    }

    #[test]
    fn rule_1_pod_name_length_boundary() {
        let ok = "a".repeat(253);
        assert_eq!(pod_name(&ok), Ok(()));
        let long = "a".repeat(254);
        let e = pod_name(&long).unwrap_err();
        assert!(e
            .message
            .ends_with("is 254 characters long; the limit is 253"));
        assert_eq!(e.fix, "shorten it to 253 characters or fewer");
    }

    #[test]
    fn rule_1_pod_name_unicode_and_whitespace() {
        let e = pod_name("café").unwrap_err();
        assert_eq!(e.message, "pod name `café` may not contain `é`");
        let e = pod_name("ÉCOLE").unwrap_err();
        assert!(e.message.contains("uppercase"));
        let e = pod_name("web app").unwrap_err();
        assert_eq!(e.message, "pod name `web app` may not contain ` `");
        assert_eq!(e.fix, "use `web-app`");
        let e = pod_name("a\nb").unwrap_err();
        assert!(e.message.contains("\\n"));
    }

    #[test]
    fn rule_1_pod_name_one_megabyte_gives_an_error_not_a_panic() {
        let big = "a".repeat(1 << 20);
        let e = pod_name(&big).unwrap_err();
        assert!(e.message.contains("1048576 characters long"));
        assert!(e.message.len() < 200);
        let big_upper = "A".repeat(1 << 20);
        assert!(pod_name(&big_upper).is_err());
        let big_bad = format!("{}_", "a".repeat(1 << 20));
        assert!(pod_name(&big_bad).is_err());
    }

    #[test]
    fn rule_2_service_name_is_dns1035() {
        assert_eq!(service_name("web"), Ok(()));
        assert_eq!(service_name("a1"), Ok(()));
        let e = service_name("1web").unwrap_err();
        assert_eq!(e.rule, 2);
        assert_eq!(e.message, "service name `1web` must start with a letter");
        let e = service_name("web.svc").unwrap_err();
        assert_eq!(e.message, "service name `web.svc` may not contain `.`");
        assert_eq!(e.fix, "use `web-svc`");
        assert_eq!(service_name(&"a".repeat(63)), Ok(()));
        let e = service_name(&"a".repeat(64)).unwrap_err();
        assert!(e
            .message
            .ends_with("is 64 characters long; the limit is 63"));
    }

    #[test]
    fn rule_3_job_name() {
        assert_eq!(job_name("nightly.backup"), Ok(()));
        assert_eq!(job_name("Backup").unwrap_err().rule, 3);
    }

    #[test]
    fn rule_4_cronjob_name_length_boundary() {
        assert_eq!(cronjob_name(&"a".repeat(52)), Ok(()));
        let e = cronjob_name(&"a".repeat(53)).unwrap_err();
        assert_eq!(e.rule, 4);
        assert!(e
            .message
            .ends_with("is 53 characters long; the limit is 52 (63 - 11 for the job suffix)"));
        let e = cronjob_name(&"a".repeat(300)).unwrap_err();
        assert_eq!(e.rule, 4);
        let e = cronjob_name("Nightly").unwrap_err();
        assert_eq!(e.rule, 3);
    }

    #[test]
    fn rule_5_indexed_job_name() {
        assert_eq!(indexed_job_name("work", 10), Ok(()));
        assert_eq!(indexed_job_name("work", 0), Ok(()));
        assert_eq!(indexed_job_name("work", -5), Ok(()));
        // 61 + "-0" = 63: fits.
        assert_eq!(indexed_job_name(&"a".repeat(61), 1), Ok(()));
        let e = indexed_job_name(&"a".repeat(61), 11).unwrap_err();
        assert_eq!(e.rule, 5);
        assert!(e
            .message
            .contains("would be 64 characters; the limit is 63"));
        assert_eq!(e.fix, "shorten the job name to 60 characters or fewer");
        let e = indexed_job_name("a.b", 3).unwrap_err();
        assert!(e.message.contains("may not contain `.`"), "{}", e.message);
        assert!(indexed_job_name("w", i32::MAX).is_ok());
    }

    #[test]
    fn rule_6_container_name() {
        assert_eq!(container_name("app"), Ok(()));
        let e = container_name("").unwrap_err();
        assert_eq!(
            (e.rule, e.message.as_str()),
            (6, "container name is required")
        );
        let e = container_name("my.app").unwrap_err();
        assert_eq!(e.message, "container name `my.app` may not contain `.`");
        assert_eq!(container_name(&"a".repeat(63)), Ok(()));
        assert!(container_name(&"a".repeat(64)).is_err());
    }

    #[test]
    fn rule_7_volume_name() {
        assert_eq!(volume_name("data"), Ok(()));
        assert_eq!(volume_name("Data").unwrap_err().rule, 7);
    }

    #[test]
    fn rule_10_hostname() {
        assert_eq!(hostname("web-0"), Ok(()));
        assert_eq!(hostname("web_0").unwrap_err().rule, 10);
    }

    #[test]
    fn rule_11_object_name() {
        assert_eq!(
            object_name("high-priority", 11, "priority class name"),
            Ok(())
        );
        let e = object_name("system:node", 11, "service account name").unwrap_err();
        assert_eq!(e.rule, 11);
        assert_eq!(
            e.message,
            "service account name `system:node` may not contain `:`"
        );
        assert_eq!(e.fix, "use lowercase letters, digits, `-` and `.`");
    }

    #[test]
    fn dns_label_accepts_digit_start() {
        assert_eq!(dns1123_label("123-abc", 0, "label"), Ok(()));
        assert_eq!(dns1123_subdomain("example.com", 0, "domain"), Ok(()));
    }
}
