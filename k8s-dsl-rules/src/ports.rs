//! Port numbers, port names and HTTP header names (rules 20, 21, 25, 50).
//!
//! From apimachinery `IsValidPortNum`, `IsValidPortName` and `IsHTTPHeaderName`
//! (staging/src/k8s.io/apimachinery/pkg/util/validation/validation.go), and the default
//! NodePort range of kube-apiserver (`DefaultServiceNodePortRange`).
//!
//! ```
//! use k8s_dsl_rules::ports;
//!
//! assert!(ports::port_number(8080, "container port").is_ok());
//! assert_eq!(ports::port_number(0, "container port").unwrap_err().rule, 20);
//! assert_eq!(ports::port_name("metrics_http").unwrap_err().rule, 21);
//! assert!(ports::http_header_name("X-Request-Id").is_ok());
//! assert!(!ports::node_port_in_default_range(8080));
//! ```

use super::{shown, Checked, Violation};

/// The longest port name (`IsValidPortName`, IANA_SVC_NAME).
///
/// ```
/// use k8s_dsl_rules::ports::{port_name, PORT_NAME_MAX};
///
/// assert!(port_name(&"p".repeat(PORT_NAME_MAX)).is_ok());
/// assert!(port_name(&"p".repeat(PORT_NAME_MAX + 1)).is_err());
/// ```
pub const PORT_NAME_MAX: usize = 15;

/// A port number in 1-65535 (rule 20, `IsValidPortNum`). `what` names the field, such as
/// "container port" or "host port".
///
/// ```
/// use k8s_dsl_rules::ports::port_number;
///
/// assert!(port_number(443, "host port").is_ok());
/// let violation = port_number(70000, "host port").unwrap_err();
/// assert_eq!(violation.rule, 20);
/// assert_eq!(violation.message, "host port 70000 is out of range 1-65535");
/// ```
pub fn port_number(port: i64, what: &str) -> Checked {
    // rule 20, IsValidPortNum
    if (1..=65535).contains(&port) {
        return Ok(());
    }
    Err(Violation::new(
        20,
        format!("{what} {port} is out of range 1-65535"),
        "use a port between 1 and 65535",
    ))
}

/// A port name (rule 21, `IsValidPortName`): at most 15 characters of `a-z`, `0-9` and `-`,
/// at least one letter, no `-` at either end and no `--`.
///
/// ```
/// use k8s_dsl_rules::ports::port_name;
///
/// assert!(port_name("http-alt").is_ok());
/// assert_eq!(port_name("8080").unwrap_err().rule, 21); // at least one letter
/// assert_eq!(port_name("http--alt").unwrap_err().rule, 21);
/// assert_eq!(port_name("HTTP").unwrap_err().fix, "use `http`");
/// ```
pub fn port_name(name: &str) -> Checked {
    // rule 21, IsValidPortName
    let err = |message: String, fix: &str| Err(Violation::new(21, message, fix));
    if name.is_empty() {
        return err(
            "port name may not be empty".to_string(),
            "remove the name or use one such as `http`",
        );
    }
    let quoted = || shown(name);
    if name.chars().any(char::is_uppercase) {
        let lower = name.to_lowercase();
        let fix = if port_name_is_valid(&lower) {
            format!("use {}", shown(&lower))
        } else {
            "use lowercase letters".to_string()
        };
        return Err(Violation::new(
            21,
            format!("port name {} contains uppercase letters", quoted()),
            fix,
        ));
    }
    for c in name.chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' {
            continue;
        }
        let repaired: String = name
            .chars()
            .map(|c| {
                if c == '_' || c == '.' || c == ' ' {
                    '-'
                } else {
                    c
                }
            })
            .collect();
        let fix = if port_name_is_valid(&repaired) {
            format!("use {}", shown(&repaired))
        } else {
            "use lowercase letters, digits and `-`".to_string()
        };
        return Err(Violation::new(
            21,
            format!(
                "port name {} may not contain {}",
                quoted(),
                shown(c.encode_utf8(&mut [0; 4]))
            ),
            fix,
        ));
    }
    if name.starts_with('-') {
        return err(
            format!("port name {} may not start with `-`", quoted()),
            "remove the leading `-`",
        );
    }
    if name.ends_with('-') {
        return err(
            format!("port name {} may not end with `-`", quoted()),
            "remove the trailing `-`",
        );
    }
    if name.contains("--") {
        return err(
            format!(
                "port name {} may not contain adjacent hyphens `--`",
                quoted()
            ),
            "use a single `-`",
        );
    }
    if !name.bytes().any(|b| b.is_ascii_lowercase()) {
        return err(
            format!("port name {} must contain at least one letter", quoted()),
            "use a name such as `http` or `metrics`; a bare number is a port, not a name",
        );
    }
    if name.len() > PORT_NAME_MAX {
        return Err(Violation::new(
            21,
            format!(
                "port name {} is {} characters long; the limit is {PORT_NAME_MAX}",
                quoted(),
                name.len()
            ),
            format!("shorten it to {PORT_NAME_MAX} characters or fewer"),
        ));
    }
    Ok(())
}

fn port_name_is_valid(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= PORT_NAME_MAX
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && name.bytes().any(|b| b.is_ascii_lowercase())
        && !name.starts_with('-')
        && !name.ends_with('-')
        && !name.contains("--")
}

/// An HTTP header name for an `httpGet` probe or hook (rule 25, `IsHTTPHeaderName`):
/// `[-A-Za-z0-9]+`, the stricter subset of RFC 7230 tokens that Go's HTTP library accepts.
///
/// ```
/// use k8s_dsl_rules::ports::http_header_name;
///
/// assert!(http_header_name("X-Forwarded-Proto").is_ok());
/// assert_eq!(http_header_name("X_Custom").unwrap_err().rule, 25);
/// ```
pub fn http_header_name(name: &str) -> Checked {
    // rule 25, IsHTTPHeaderName
    if name.is_empty() {
        return Err(Violation::new(
            25,
            "http header name may not be empty",
            "set a header name such as `X-Request-Id`",
        ));
    }
    for c in name.chars() {
        if !(c.is_ascii_alphanumeric() || c == '-') {
            return Err(Violation::new(
                25,
                format!(
                    "http header name {} may not contain {}",
                    shown(name),
                    shown(c.encode_utf8(&mut [0; 4]))
                ),
                "use letters, digits and `-`",
            ));
        }
    }
    Ok(())
}

/// Whether `port` lies in kube-apiserver's default NodePort range, 30000-32767 (rule 50,
/// `DefaultServiceNodePortRange`). Clusters can change the range, so callers warn rather
/// than fail.
///
/// ```
/// use k8s_dsl_rules::ports::node_port_in_default_range;
///
/// assert!(node_port_in_default_range(30080));
/// assert!(!node_port_in_default_range(8080));
/// ```
pub fn node_port_in_default_range(port: i64) -> bool {
    (30000..=32767).contains(&port)
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    #[test]
    fn rule_20_port_number_boundaries() {
        assert_eq!(port_number(1, "container port"), Ok(()));
        assert_eq!(port_number(65535, "container port"), Ok(()));
        let e = port_number(0, "container port").unwrap_err();
        assert_eq!(e.rule, 20);
        assert_eq!(e.message, "container port 0 is out of range 1-65535");
        assert!(port_number(65536, "host port").is_err());
        assert!(port_number(-1, "host port").is_err());
        assert!(port_number(i64::MIN, "host port").is_err());
        assert!(port_number(i64::MAX, "host port").is_err());
    }

    #[test]
    fn rule_21_port_name_accepts_iana_names() {
        for ok in [
            "http",
            "h",
            "http-2",
            "a1",
            "1a",
            "grpc-web",
            "abcdefghijklmno",
        ] {
            assert_eq!(port_name(ok), Ok(()), "{ok}");
        }
    }

    #[test]
    fn rule_21_port_name_rejects_adjacent_hyphens() {
        let e = port_name("a--b").unwrap_err();
        assert_eq!(e.rule, 21);
        assert_eq!(
            e.message,
            "port name `a--b` may not contain adjacent hyphens `--`"
        );
    }

    #[test]
    fn rule_21_port_name_rejects_leading_and_trailing_hyphens() {
        assert_eq!(
            port_name("-http").unwrap_err().message,
            "port name `-http` may not start with `-`"
        );
        assert_eq!(
            port_name("http-").unwrap_err().message,
            "port name `http-` may not end with `-`"
        );
    }

    #[test]
    fn rule_21_port_name_needs_a_letter() {
        let e = port_name("8080").unwrap_err();
        assert_eq!(
            e.message,
            "port name `8080` must contain at least one letter"
        );
        assert!(port_name("1-2").is_err());
    }

    #[test]
    fn rule_21_port_name_length_boundary() {
        assert_eq!(port_name(&"a".repeat(15)), Ok(()));
        let e = port_name(&"a".repeat(16)).unwrap_err();
        assert_eq!(
            e.message,
            "port name `aaaaaaaaaaaaaaaa` is 16 characters long; the limit is 15"
        );
    }

    #[test]
    fn rule_21_port_name_characters() {
        let e = port_name("http_2").unwrap_err();
        assert_eq!(e.message, "port name `http_2` may not contain `_`");
        assert_eq!(e.fix, "use `http-2`");
        let e = port_name("HTTP").unwrap_err();
        assert_eq!(e.message, "port name `HTTP` contains uppercase letters");
        assert_eq!(e.fix, "use `http`");
        let e = port_name("port€").unwrap_err();
        assert_eq!(e.message, "port name `port€` may not contain `€`");
        assert_eq!(e.fix, "use lowercase letters, digits and `-`");
        let e = port_name("").unwrap_err();
        assert_eq!(e.message, "port name may not be empty");
    }

    #[test]
    fn rule_21_port_name_one_megabyte() {
        let big = "a".repeat(1 << 20);
        assert!(port_name(&big).is_err());
        assert!(port_name(&"-".repeat(1 << 20)).is_err());
        assert!(port_name(&"A".repeat(1 << 20)).is_err());
    }

    #[test]
    fn rule_25_http_header_name() {
        assert_eq!(http_header_name("X-Request-Id"), Ok(()));
        assert_eq!(http_header_name("accept"), Ok(()));
        let e = http_header_name("X_Custom").unwrap_err();
        assert_eq!(e.rule, 25);
        assert_eq!(e.message, "http header name `X_Custom` may not contain `_`");
        assert!(http_header_name("").is_err());
        assert!(http_header_name("Host:").is_err());
        assert!(http_header_name("Ü").is_err());
        assert!(http_header_name(&"A".repeat(1 << 20)).is_ok());
    }

    #[test]
    fn rule_50_node_port_default_range() {
        assert!(!node_port_in_default_range(29999));
        assert!(node_port_in_default_range(30000));
        assert!(node_port_in_default_range(32767));
        assert!(!node_port_in_default_range(32768));
        assert!(!node_port_in_default_range(-30000));
    }
}
