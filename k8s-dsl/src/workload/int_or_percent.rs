//! A count of pods given as a number (`2`) or a percentage (`"25%"`): `maxSurge`,
//! `maxUnavailable`, `minAvailable`.

use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;

use crate::validate::{At, Report};

/// A number of pods (`IntOrPercent::from(2)`) or a percentage of the desired pods
/// (`IntOrPercent::percent(25)` or `"25%"`). Text is checked when the object is built.
///
/// ```
/// use k8s_dsl::prelude::*;
/// use k8s_openapi::apimachinery::pkg::util::intstr::IntOrString;
///
/// assert_eq!(IntOrPercent::from(2), IntOrPercent::Int(2));
/// assert_eq!(IntOrPercent::percent(25), IntOrPercent::Percent(25));
/// assert_eq!(IntOrPercent::from("25%"), IntOrPercent::Text("25%".into()));
///
/// let template = Pod::template()
///     .label("app", "web")
///     .container(Container::new("web").image("nginx:1.27"));
/// let web = Deployment::new("web")
///     .strategy(RollingUpdate::new().max_surge(IntOrPercent::percent(25)))
///     .template(template.clone())
///     .build()?;
/// let limits = web.spec.strategy.unwrap().rolling_update.unwrap();
/// assert_eq!(limits.max_surge, Some(IntOrString::String("25%".into())));
///
/// // Text that is neither, and percentages above 100 where they make no sense, fail the build.
/// let errors = Deployment::new("web")
///     .strategy(
///         RollingUpdate::new()
///             .max_surge("a few")
///             .max_unavailable(IntOrPercent::percent(150)),
///     )
///     .template(template)
///     .build()
///     .unwrap_err();
/// assert!(errors.has("spec.strategy.rollingUpdate.maxSurge", 65));
/// assert!(errors.has("spec.strategy.rollingUpdate.maxUnavailable", 65));
/// # Ok::<(), k8s_dsl::Errors>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IntOrPercent {
    /// An absolute number of pods.
    Int(i32),
    /// A percentage (`25` means `"25%"`).
    Percent(i32),
    /// Text to parse when built: `"25%"` or `"3"`.
    Text(String),
}

impl IntOrPercent {
    /// A percentage: `IntOrPercent::percent(25)` is `"25%"`.
    pub fn percent(value: i32) -> Self {
        IntOrPercent::Percent(value)
    }

    /// Checks the value (`rule` on failure): not negative, a percentage at most
    /// `max_percent` if given, and text of the form `N` or `N%`. Returns the k8s form and
    /// whether it is zero.
    pub(crate) fn check(
        &self,
        report: &mut Report,
        path: &At<'_>,
        rule: u16,
        max_percent: Option<i32>,
    ) -> Option<(IntOrString, bool)> {
        let (value, is_percent) = match self {
            IntOrPercent::Int(v) => (*v, false),
            IntOrPercent::Percent(v) => (*v, true),
            IntOrPercent::Text(text) => match parse(text) {
                Some(parsed) => parsed,
                None => {
                    report.error(
                        path,
                        rule,
                        format!(
                            "{} is neither a number nor a percentage",
                            crate::rules::shown(text)
                        ),
                        "use a whole number such as `2` or a percentage such as `25%`",
                    );
                    return None;
                }
            },
        };
        if value < 0 {
            report.error(
                path,
                rule,
                format!("must be greater than or equal to 0, not {value}"),
                "use zero or a positive number",
            );
            return None;
        }
        if let (true, Some(max)) = (is_percent, max_percent) {
            if value > max {
                report.error(
                    path,
                    rule,
                    format!("must not be greater than {max}%, not {value}%"),
                    format!("use a percentage between 0% and {max}%"),
                );
                return None;
            }
        }
        let k8s = if is_percent {
            IntOrString::String(format!("{value}%"))
        } else {
            IntOrString::Int(value)
        };
        Some((k8s, value == 0))
    }
}

/// `"25%"` → `(25, true)`, `"3"` → `(3, false)`.
fn parse(text: &str) -> Option<(i32, bool)> {
    let (digits, is_percent) = match text.strip_suffix('%') {
        Some(d) => (d, true),
        None => (text, false),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok().map(|v| (v, is_percent))
}

impl From<i32> for IntOrPercent {
    fn from(value: i32) -> Self {
        IntOrPercent::Int(value)
    }
}

impl From<&str> for IntOrPercent {
    fn from(text: &str) -> Self {
        IntOrPercent::Text(text.to_owned())
    }
}

impl From<String> for IntOrPercent {
    fn from(text: String) -> Self {
        IntOrPercent::Text(text)
    }
}

#[cfg(test)]
#[allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages() {
        let mut report = Report::new();
        let path = crate::validate::FieldPath::parse("x");
        let (v, zero) = IntOrPercent::from("25%")
            .check(&mut report, &path.at(), 0, Some(100))
            .unwrap();
        assert_eq!(v, IntOrString::String("25%".into()));
        assert!(!zero);
        let (v, zero) = IntOrPercent::from(0)
            .check(&mut report, &path.at(), 0, None)
            .unwrap();
        assert_eq!(v, IntOrString::Int(0));
        assert!(zero);
        assert!(IntOrPercent::from("x%")
            .check(&mut report, &path.at(), 0, None)
            .is_none());
        assert!(IntOrPercent::percent(101)
            .check(&mut report, &path.at(), 0, Some(100))
            .is_none());
        assert!(IntOrPercent::from(-1)
            .check(&mut report, &path.at(), 0, None)
            .is_none());
        assert_eq!(report.errors().len(), 3);
    }
}
