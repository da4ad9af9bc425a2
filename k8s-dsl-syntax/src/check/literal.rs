//! Literals judged by the shared rules (`crate::rules`): one dispatch per kind of value, no
//! grammar of its own.

use crate::keys::{Enum, Number, Text};
use crate::rules::cron::Schedule;
use crate::rules::duration::Duration;
use crate::rules::enums;
use crate::rules::image::Image;
use crate::rules::quantity::Quantity;
use crate::rules::{env, labels, names, ports, timezone, Checked, Violation};

/// Checks a string literal with the rule `text` names.
pub fn text(text: Text, value: &str) -> Checked {
    match text {
        Text::Any => Ok(()),
        Text::NonEmpty => {
            if value.is_empty() {
                Err(Violation::new(0, "value may not be empty", "write a value"))
            } else {
                Ok(())
            }
        }
        Text::PodName => names::pod_name(value),
        Text::JobName => names::job_name(value),
        Text::CronJobName => names::cronjob_name(value),
        Text::ContainerName => names::container_name(value),
        Text::VolumeName => names::volume_name(value),
        Text::Namespace => names::dns1123_label(value, 0, "namespace"),
        Text::ObjectName(rule, what) => names::object_name(value, rule, what),
        Text::Hostname => names::hostname(value),
        Text::Image => Image::parse(value).map(drop),
        Text::LabelKey => labels::label_key(value),
        Text::LabelValue => labels::label_value(value),
        Text::AnnotationKey => labels::annotation_key(value),
        Text::PortName => ports::port_name(value),
        Text::EnvName => env::env_var_name(value),
        Text::ConfigMapKey => env::config_map_key(value),
        Text::FieldPath => env::field_path(value),
        Text::ResourceField => env::resource_field(value),
        Text::ResourceName => crate::rules::quantity::resource_name(value),
        Text::Quantity => Quantity::parse(value).map(drop),
        Text::HeaderName => ports::http_header_name(value),
        Text::Schedule => Schedule::parse(value).map(drop),
        Text::TimeZone => timezone::time_zone(value),
        Text::QualifiedName(rule, what) => labels::qualified_name(value, rule, what),
    }
}

/// The largest value of an `int32` field.
const INT32_MAX: i64 = i32::MAX as i64;

/// Checks an integer literal for the key `key`.
pub fn number(number: Number, key: &str, value: i64) -> Checked {
    match number {
        Number::Port => ports::port_number(value, key)?,
        // rule 25: the same range, as `validateHTTPGetAction`/`validateGRPCAction` check it
        Number::HandlerPort => {
            ports::port_number(value, key).map_err(|v| Violation { rule: 25, ..v })?
        }
        Number::NonNegative(rule) if value < 0 => {
            return Err(Violation::new(
                rule,
                format!("`{key}` may not be negative"),
                "use 0 or more",
            ))
        }
        _ => {}
    }
    // `Number::Int32`: only the range below.
    if !(-INT32_MAX - 1..=INT32_MAX).contains(&value) {
        return Err(Violation::new(
            0,
            format!("`{value}` does not fit `{key}` (a 32-bit integer)"),
            format!("use at most {INT32_MAX}"),
        ));
    }
    Ok(())
}

/// A port name in a probe's or hook's handler: the port-name grammar under rule 25
/// (`ValidatePortNumOrName`), as the builders report it.
pub fn handler_port_name(value: &str) -> Checked {
    ports::port_name(value).map_err(|v| Violation { rule: 25, ..v })
}

/// Parses a duration literal (`10s`, `1h30m`) and checks it fits a 32-bit seconds field.
pub fn duration(text: &str) -> Checked<Duration> {
    let duration = Duration::parse(text)?;
    if duration.as_secs() > INT32_MAX {
        return Err(Violation::new(
            0,
            format!("`{text}` is too long for a seconds field"),
            format!("use at most {INT32_MAX} seconds"),
        ));
    }
    Ok(duration)
}

/// An enum value: the path of its Rust type under `k8s_dsl` and the variant.
pub struct Variant {
    /// The type (`rules::enums::RestartPolicy`).
    pub ty: &'static str,
    /// The variant (`Never`).
    pub variant: String,
}

/// Parses with the shared enum and names the Rust variant it is.
fn parse<T>(ty: &'static str, value: &str) -> Checked<Variant>
where
    T: std::str::FromStr<Err = Violation> + std::fmt::Debug,
{
    value.parse::<T>().map(|v| Variant {
        ty,
        variant: format!("{v:?}"),
    })
}

/// The selector operators, which choose a builder constructor rather than name an enum: what
/// they are in messages, the rule that lists their values, the Rust type under `k8s_dsl` (none),
/// and their values. The `pass` UI tests use every value.
struct Local {
    what: &'static str,
    rule: u16,
    ty: &'static str,
    values: &'static [&'static str],
}

/// The operators of a node selector requirement; each selects a `k8s_dsl::pod::Requirement`
/// constructor, so no type is named.
static NODE_SELECTOR_OPERATOR: Local = Local {
    what: "node selector operator",
    rule: 43,
    ty: "",
    values: &["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"],
};

/// The operators of a label selector requirement (as a node's, without `Gt` and `Lt`).
static LABEL_SELECTOR_OPERATOR: Local = Local {
    what: "label selector operator",
    rule: 43,
    ty: "",
    values: &["In", "NotIn", "Exists", "DoesNotExist"],
};

/// A Deployment's strategy types (written by `deployment!` as the builder's
/// `DeploymentStrategy`).
static DEPLOYMENT_STRATEGY_TYPE: Local = Local {
    what: "deployment strategy type",
    rule: 65,
    ty: "",
    values: &["Recreate", "RollingUpdate"],
};

/// Checks a value of a [`Local`] enum, with the list of values and the closest one.
fn parse_local(table: &Local, value: &str) -> Checked<Variant> {
    if table.values.contains(&value) {
        return Ok(Variant {
            ty: table.ty,
            variant: value.to_string(),
        });
    }
    let mut violation = enums::unknown(value, table.what, table.rule, table.values);
    if std::ptr::eq(table, &LABEL_SELECTOR_OPERATOR)
        && NODE_SELECTOR_OPERATOR.values.contains(&value)
    {
        violation.fix = format!(
            "`{value}` compares node labels and is only for `nodeAffinity` terms; use one of the \
             listed values here"
        );
    }
    Err(violation)
}

/// Checks an enum value written bare (`Never`) and names its Rust variant.
pub fn variant(kind: Enum, value: &str) -> Checked<Variant> {
    match kind {
        Enum::ImagePullPolicy => {
            parse::<enums::ImagePullPolicy>("rules::enums::ImagePullPolicy", value)
        }
        Enum::TerminationMessagePolicy => parse::<enums::TerminationMessagePolicy>(
            "rules::enums::TerminationMessagePolicy",
            value,
        ),
        Enum::Protocol => parse::<enums::Protocol>("rules::enums::Protocol", value),
        Enum::Scheme => parse::<enums::Scheme>("rules::enums::Scheme", value),
        Enum::RestartPolicy => parse::<enums::RestartPolicy>("rules::enums::RestartPolicy", value),
        Enum::JobRestartPolicy => {
            if value == "Always" {
                // rule 53: a Job's pods must finish
                return Err(Violation::new(
                    53,
                    "a job's pod template may not use `restartPolicy: Always` (its pods must finish)",
                    "use `Never` or `OnFailure`",
                ));
            }
            parse::<enums::JobRestartPolicy>("rules::enums::JobRestartPolicy", value)
        }
        Enum::DnsPolicy => parse::<enums::DnsPolicy>("rules::enums::DnsPolicy", value),
        Enum::ConcurrencyPolicy => {
            parse::<enums::ConcurrencyPolicy>("rules::enums::ConcurrencyPolicy", value)
        }
        Enum::CompletionMode => {
            parse::<enums::CompletionMode>("rules::enums::CompletionMode", value)
        }
        Enum::StorageMedium => parse::<enums::StorageMedium>("rules::enums::StorageMedium", value),
        Enum::TolerationOperator => {
            parse::<enums::TolerationOperator>("rules::enums::TolerationOperator", value)
        }
        Enum::TaintEffect => parse::<enums::TaintEffect>("rules::enums::TaintEffect", value),
        Enum::MountPropagation => {
            parse::<enums::MountPropagation>("rules::enums::MountPropagation", value)
        }
        Enum::SeccompProfileType => {
            parse::<enums::SeccompProfileType>("rules::enums::SeccompProfileType", value)
        }
        Enum::PodFailurePolicyAction => {
            parse::<enums::PodFailurePolicyAction>("rules::enums::PodFailurePolicyAction", value)
        }
        Enum::OnExitCodesOperator => {
            parse::<enums::OnExitCodesOperator>("rules::enums::OnExitCodesOperator", value)
        }
        Enum::ConditionStatus => {
            parse::<enums::ConditionStatus>("rules::enums::ConditionStatus", value)
        }
        Enum::FsGroupChangePolicy => {
            parse::<enums::FsGroupChangePolicy>("rules::enums::FsGroupChangePolicy", value)
        }
        Enum::PodReplacementPolicy => {
            parse::<enums::PodReplacementPolicy>("rules::enums::PodReplacementPolicy", value)
        }
        Enum::NodeSelectorOperator => parse_local(&NODE_SELECTOR_OPERATOR, value),
        Enum::LabelSelectorOperator => parse_local(&LABEL_SELECTOR_OPERATOR, value),
        Enum::DeploymentStrategyType => parse_local(&DEPLOYMENT_STRATEGY_TYPE, value),
        Enum::OsName => parse::<enums::OsName>("rules::enums::OsName", value),
        Enum::WhenUnsatisfiable => {
            parse::<enums::WhenUnsatisfiable>("rules::enums::WhenUnsatisfiable", value)
        }
        Enum::NodeInclusionPolicy => {
            parse::<enums::NodeInclusionPolicy>("rules::enums::NodeInclusionPolicy", value)
        }
        Enum::ResizeResource => {
            parse::<enums::ResizeResource>("rules::enums::ResizeResource", value)
        }
        Enum::ResizeRestartPolicy => {
            parse::<enums::ResizeRestartPolicy>("rules::enums::ResizeRestartPolicy", value)
        }
    }
}

/// The values of an enum, for a message (`` `Always`, `Never` ``).
pub fn values(kind: Enum) -> String {
    fn list<T: std::fmt::Display>(all: &[T]) -> String {
        all.iter()
            .map(|v| format!("`{v}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
    match kind {
        Enum::ImagePullPolicy => list(enums::ImagePullPolicy::ALL),
        Enum::TerminationMessagePolicy => list(enums::TerminationMessagePolicy::ALL),
        Enum::Protocol => list(enums::Protocol::ALL),
        Enum::Scheme => list(enums::Scheme::ALL),
        Enum::RestartPolicy => list(enums::RestartPolicy::ALL),
        Enum::JobRestartPolicy => list(enums::JobRestartPolicy::ALL),
        Enum::DnsPolicy => list(enums::DnsPolicy::ALL),
        Enum::ConcurrencyPolicy => list(enums::ConcurrencyPolicy::ALL),
        Enum::CompletionMode => list(enums::CompletionMode::ALL),
        Enum::StorageMedium => list(enums::StorageMedium::ALL),
        Enum::TolerationOperator => list(enums::TolerationOperator::ALL),
        Enum::TaintEffect => list(enums::TaintEffect::ALL),
        Enum::MountPropagation => list(enums::MountPropagation::ALL),
        Enum::SeccompProfileType => list(enums::SeccompProfileType::ALL),
        Enum::PodFailurePolicyAction => list(enums::PodFailurePolicyAction::ALL),
        Enum::OnExitCodesOperator => list(enums::OnExitCodesOperator::ALL),
        Enum::ConditionStatus => list(enums::ConditionStatus::ALL),
        Enum::FsGroupChangePolicy => list(enums::FsGroupChangePolicy::ALL),
        Enum::PodReplacementPolicy => list(enums::PodReplacementPolicy::ALL),
        Enum::NodeSelectorOperator => list(NODE_SELECTOR_OPERATOR.values),
        Enum::LabelSelectorOperator => list(LABEL_SELECTOR_OPERATOR.values),
        Enum::DeploymentStrategyType => list(DEPLOYMENT_STRATEGY_TYPE.values),
        Enum::OsName => list(enums::OsName::ALL),
        Enum::WhenUnsatisfiable => list(enums::WhenUnsatisfiable::ALL),
        Enum::NodeInclusionPolicy => list(enums::NodeInclusionPolicy::ALL),
        Enum::ResizeResource => list(enums::ResizeResource::ALL),
        Enum::ResizeRestartPolicy => list(enums::ResizeRestartPolicy::ALL),
    }
}

/// A float literal written as a value (`0.5`, `-1.5`, `2.0`, `1.5s`): its text, sign included,
/// and its suffix. `None` for any other tokens (an expression `build()` checks).
pub fn float(tokens: &proc_macro2::TokenStream) -> Option<(String, String)> {
    let trees: Vec<proc_macro2::TokenTree> = tokens.clone().into_iter().collect();
    let (sign, literal) = match trees.as_slice() {
        [proc_macro2::TokenTree::Literal(l)] => ("", l),
        [proc_macro2::TokenTree::Punct(p), proc_macro2::TokenTree::Literal(l)]
            if p.as_char() == '-' =>
        {
            ("-", l)
        }
        _ => return None,
    };
    match syn::Lit::new(literal.clone()) {
        syn::Lit::Float(f) => Some((
            format!("{sign}{}", f.base10_digits()),
            f.suffix().to_string(),
        )),
        _ => None,
    }
}

/// A decimal number as a quantity string in milli-units when that is exact (`0.5` ->
/// `500m`, `1.25` -> `1250m`, `2.0` -> `2`), else as written (`0.0001`). Negative values,
/// which no resource takes, are written as they are.
pub fn float_as_quantity(digits: &str) -> String {
    let Some((whole, fraction)) = digits.split_once('.') else {
        return digits.to_string();
    };
    let fraction = fraction.trim_end_matches('0');
    if digits.starts_with('-') || digits.contains(['e', 'E']) {
        return digits.to_string();
    }
    if fraction.is_empty() {
        return whole.to_string();
    }
    if fraction.len() > 3 {
        return digits.to_string();
    }
    let millis = format!("{whole}{fraction:0<3}");
    let millis = millis.trim_start_matches('0');
    format!("{}m", if millis.is_empty() { "0" } else { millis })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_become_quantities_in_milli_units_when_exact() {
        assert_eq!(float_as_quantity("0.5"), "500m");
        assert_eq!(float_as_quantity("1.25"), "1250m");
        assert_eq!(float_as_quantity("0.001"), "1m");
        assert_eq!(float_as_quantity("2.0"), "2");
        assert_eq!(float_as_quantity("0.0001"), "0.0001");
        assert_eq!(float_as_quantity("-0.5"), "-0.5");
        assert_eq!(float_as_quantity("1e3"), "1e3");
        for text in ["500m", "1250m", "1m", "2", "0.0001", "1e3"] {
            assert!(Quantity::parse(text).is_ok(), "{text}");
        }
    }

    #[test]
    fn only_float_literals_are_floats() {
        let tokens = |s: &str| s.parse::<proc_macro2::TokenStream>().unwrap();
        assert_eq!(float(&tokens("0.5")), Some(("0.5".into(), String::new())));
        assert_eq!(float(&tokens("-1.5")), Some(("-1.5".into(), String::new())));
        assert_eq!(float(&tokens("1.5s")), Some(("1.5".into(), "s".into())));
        assert_eq!(float(&tokens("1")), None);
        assert_eq!(float(&tokens("x + 0.5")), None);
    }
}
