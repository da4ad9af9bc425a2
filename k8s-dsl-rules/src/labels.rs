//! Label and annotation keys and values (rules 8 and 9).
//!
//! From apimachinery: `IsQualifiedName` and `IsValidLabelValue`
//! (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go, now
//! `pkg/api/validate/content`), and `ValidateAnnotations` / `ValidateAnnotationsSize`
//! (staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go).
//!
//! ```
//! use k8s_dsl_rules::labels;
//!
//! assert!(labels::label_key("app.kubernetes.io/name").is_ok());
//! assert!(labels::label_value("web").is_ok());
//! assert_eq!(labels::label_value("web server").unwrap_err().rule, 8);
//! assert_eq!(labels::annotation_key("a/b/c").unwrap_err().rule, 9);
//! ```

use super::{names, shown, Checked, Violation};

/// The longest name part of a qualified name, and the longest label value.
///
/// ```
/// use k8s_dsl_rules::labels::{label_value, NAME_PART_MAX};
///
/// assert!(label_value(&"v".repeat(NAME_PART_MAX)).is_ok());
/// assert!(label_value(&"v".repeat(NAME_PART_MAX + 1)).is_err());
/// ```
pub const NAME_PART_MAX: usize = 63;
/// `TotalAnnotationSizeLimitB`: all annotation keys and values together, in bytes.
///
/// ```
/// use k8s_dsl_rules::labels::{annotations_size, ANNOTATIONS_TOTAL_MAX};
///
/// let big = "x".repeat(ANNOTATIONS_TOTAL_MAX as usize);
/// assert!(annotations_size([("a", &big[1..])]).is_ok()); // key and value: exactly the limit
/// assert!(annotations_size([("a", big.as_str())]).is_err());
/// ```
pub const ANNOTATIONS_TOTAL_MAX: u64 = 256 * 1024;

/// Checks `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]` and the length limit for the name part
/// of a qualified name or a label value. `value` is non-empty.
fn name_part(value: &str, rule: u16, what: &str, whole: &str) -> Checked {
    for c in value.chars() {
        if !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.') {
            return Err(Violation::new(
                rule,
                format!(
                    "{what} {} may not contain {}",
                    shown(whole),
                    shown(c.encode_utf8(&mut [0; 4]))
                ),
                "use letters, digits, `-`, `_` and `.`",
            ));
        }
    }
    // ASCII only from here on.
    let first = value.bytes().next().unwrap_or(b'a');
    let last = value.bytes().next_back().unwrap_or(b'a');
    if !first.is_ascii_alphanumeric() {
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} must start with a letter or digit, not `{}`",
                shown(whole),
                char::from(first)
            ),
            "remove the leading character",
        ));
    }
    if !last.is_ascii_alphanumeric() {
        return Err(Violation::new(
            rule,
            format!(
                "{what} {} must end with a letter or digit, not `{}`",
                shown(whole),
                char::from(last)
            ),
            "remove the trailing character",
        ));
    }
    if value.len() > NAME_PART_MAX {
        let part = if value.len() == whole.len() {
            String::new()
        } else {
            " (after the `/`)".to_string()
        };
        return Err(Violation::new(
            rule,
            format!(
                "{what} {}{part} is {} characters long; the limit is {NAME_PART_MAX}",
                shown(whole),
                value.len()
            ),
            format!("shorten it to {NAME_PART_MAX} characters or fewer"),
        ));
    }
    Ok(())
}

/// A qualified name (`IsQualifiedName`): an optional DNS-subdomain prefix and `/`, then a
/// name of at most 63 characters matching `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
///
/// ```
/// use k8s_dsl_rules::labels::qualified_name;
///
/// assert!(qualified_name("example.com/tier", 8, "label key").is_ok());
/// assert!(qualified_name("tier", 8, "label key").is_ok());
/// let violation = qualified_name("/tier", 8, "label key").unwrap_err();
/// assert_eq!(violation.rule, 8);
/// assert!(violation.message.contains("empty prefix"));
/// ```
pub fn qualified_name(value: &str, rule: u16, what: &str) -> Checked {
    if value.is_empty() {
        return Err(Violation::new(
            rule,
            format!("{what} is required"),
            format!("set the {what}"),
        ));
    }
    let mut parts = value.splitn(3, '/');
    let first = parts.next().unwrap_or("");
    let second = parts.next();
    if parts.next().is_some() {
        return Err(Violation::new(
            rule,
            format!("{what} {} has more than one `/`", shown(value)),
            "use at most one `/`, between a DNS prefix and the name: `example.com/name`",
        ));
    }
    let name = match second {
        None => first,
        Some(name) => {
            if first.is_empty() {
                return Err(Violation::new(
                    rule,
                    format!("{what} {} has an empty prefix before `/`", shown(value)),
                    "remove the `/` or put a DNS subdomain before it, such as `example.com/`",
                ));
            }
            names::dns1123_subdomain(first, rule, &format!("{what} prefix"))?;
            if name.is_empty() {
                return Err(Violation::new(
                    rule,
                    format!("{what} {} has an empty name after `/`", shown(value)),
                    "add a name after the `/`",
                ));
            }
            name
        }
    };
    name_part(name, rule, what, value)
}

/// A label key (rule 8): a qualified name.
///
/// ```
/// use k8s_dsl_rules::labels::label_key;
///
/// assert!(label_key("app.kubernetes.io/name").is_ok());
/// assert_eq!(label_key("app name").unwrap_err().rule, 8);
/// ```
pub fn label_key(key: &str) -> Checked {
    qualified_name(key, 8, "label key")
}

/// A label value (rule 8, `IsValidLabelValue`): empty, or at most 63 characters matching
/// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`.
///
/// ```
/// use k8s_dsl_rules::labels::label_value;
///
/// assert!(label_value("").is_ok()); // empty values are allowed
/// assert!(label_value("v1.2_rc-3").is_ok());
/// assert_eq!(label_value("-v1").unwrap_err().rule, 8);
/// ```
pub fn label_value(value: &str) -> Checked {
    if value.is_empty() {
        return Ok(());
    }
    name_part(value, 8, "label value", value)
}

/// An annotation key (rule 9, `ValidateAnnotations`): a qualified name once lower-cased.
///
/// ```
/// use k8s_dsl_rules::labels::annotation_key;
///
/// // Annotation keys are checked lower-cased, so uppercase letters are fine:
/// assert!(annotation_key("example.com/Owner").is_ok());
/// assert_eq!(annotation_key("example.com/a/b").unwrap_err().rule, 9);
/// ```
pub fn annotation_key(key: &str) -> Checked {
    if !key.chars().any(char::is_uppercase) {
        return qualified_name(key, 9, "annotation key");
    }
    let lowered = key.to_lowercase();
    qualified_name(&lowered, 9, "annotation key").map_err(|mut v| {
        v.message = v.message.replace(&shown(&lowered), &shown(key));
        v
    })
}

/// The total size of a set of annotations (rule 9, `ValidateAnnotationsSize`): the byte
/// lengths of all keys and values together may not exceed 256 KiB.
///
/// ```
/// use k8s_dsl_rules::labels::annotations_size;
///
/// assert!(annotations_size([("owner", "team-a"), ("tier", "web")]).is_ok());
/// let huge = "x".repeat(300 * 1024);
/// assert_eq!(annotations_size([("notes", huge.as_str())]).unwrap_err().rule, 9);
/// ```
pub fn annotations_size<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Checked {
    let total = entries.into_iter().fold(0u64, |sum, (k, v)| {
        sum.saturating_add(k.len() as u64)
            .saturating_add(v.len() as u64)
    });
    if total > ANNOTATIONS_TOTAL_MAX {
        return Err(Violation::new(
            9,
            format!(
                "annotations are {total} bytes in total; the limit is {ANNOTATIONS_TOTAL_MAX} \
                 (256 KiB)"
            ),
            "move large data into a ConfigMap and keep annotations small",
        ));
    }
    Ok(())
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rule_8_label_key_accepts_qualified_names() {
        for ok in [
            "app",
            "App",
            "app.kubernetes.io/name",
            "example.com/My_Key-1.x",
            "a",
            "1",
            "k8s.io/a",
        ] {
            assert_eq!(label_key(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rule_8_label_key_errors() {
        let e = label_key("").unwrap_err();
        assert_eq!((e.rule, e.message.as_str()), (8, "label key is required"));
        let e = label_key("a/b/c").unwrap_err();
        assert_eq!(e.message, "label key `a/b/c` has more than one `/`");
        let e = label_key("/name").unwrap_err();
        assert_eq!(
            e.message,
            "label key `/name` has an empty prefix before `/`"
        );
        let e = label_key("example.com/").unwrap_err();
        assert_eq!(
            e.message,
            "label key `example.com/` has an empty name after `/`"
        );
        let e = label_key("Example.com/name").unwrap_err();
        assert_eq!(
            e.message,
            "label key prefix `Example.com` contains uppercase letters"
        );
        assert_eq!(e.fix, "use `example.com`");
        let e = label_key("-app").unwrap_err();
        assert_eq!(
            e.message,
            "label key `-app` must start with a letter or digit, not `-`"
        );
        let e = label_key("app_").unwrap_err();
        assert!(e.message.contains("must end with a letter or digit"));
        let e = label_key("app name").unwrap_err();
        assert_eq!(e.message, "label key `app name` may not contain ` `");
        let e = label_key("ключ").unwrap_err();
        assert_eq!(e.message, "label key `ключ` may not contain `к`");
    }

    #[test]
    fn rule_8_label_key_length_boundaries() {
        assert_eq!(label_key(&"k".repeat(63)), Ok(()));
        let e = label_key(&"k".repeat(64)).unwrap_err();
        assert!(e
            .message
            .ends_with("is 64 characters long; the limit is 63"));
        let prefix = format!("{}.com", "a".repeat(249));
        assert_eq!(prefix.len(), 253);
        assert_eq!(label_key(&format!("{prefix}/{}", "k".repeat(63))), Ok(()));
        let e = label_key(&format!("a{prefix}/k")).unwrap_err();
        assert!(e.message.contains("the limit is 253"), "{}", e.message);
        let e = label_key(&format!("x.io/{}", "k".repeat(64))).unwrap_err();
        assert!(e.message.contains("(after the `/`) is 64 characters long"));
    }

    #[test]
    fn rule_8_label_value() {
        for ok in ["", "v1", "1.2.3", "a_b-c.D", &"v".repeat(63)] {
            assert_eq!(label_value(ok), Ok(()), "{ok}");
        }
        let e = label_value(&"v".repeat(64)).unwrap_err();
        assert_eq!(e.rule, 8);
        assert!(e
            .message
            .ends_with("is 64 characters long; the limit is 63"));
        let e = label_value("a/b").unwrap_err();
        assert_eq!(e.message, "label value `a/b` may not contain `/`");
        let e = label_value(".hidden").unwrap_err();
        assert!(e.message.contains("must start with a letter or digit"));
        let e = label_value("ü").unwrap_err();
        assert!(e.message.contains("may not contain `ü`"));
    }

    #[test]
    fn rule_8_one_megabyte_values_give_errors_not_panics() {
        let big = "v".repeat(1 << 20);
        assert!(label_value(&big).is_err());
        assert!(label_key(&big).is_err());
        assert!(label_key(&format!("{big}/x")).is_err());
        assert!(annotation_key(&"V".repeat(1 << 20)).is_err());
    }

    #[test]
    fn rule_9_annotation_key_is_checked_lowercased() {
        assert_eq!(annotation_key("Example.COM/Key"), Ok(()));
        assert_eq!(annotation_key("kubectl.kubernetes.io/last-applied"), Ok(()));
        let e = annotation_key("Bad Key").unwrap_err();
        assert_eq!(e.rule, 9);
        assert_eq!(e.message, "annotation key `Bad Key` may not contain ` `");
        assert!(annotation_key("").is_err());
    }

    #[test]
    fn rule_9_annotations_total_size_boundary() {
        let value = "v".repeat(256 * 1024 - 1);
        assert_eq!(annotations_size([("k", value.as_str())]), Ok(()));
        let e = annotations_size([("k", value.as_str()), ("x", "")]).unwrap_err();
        assert_eq!(e.rule, 9);
        assert_eq!(
            e.message,
            "annotations are 262145 bytes in total; the limit is 262144 (256 KiB)"
        );
        assert_eq!(annotations_size(std::iter::empty()), Ok(()));
        // Bytes, not characters.
        let wide = "é".repeat(128 * 1024);
        assert!(annotations_size([("k", wide.as_str())]).is_err());
    }
}
