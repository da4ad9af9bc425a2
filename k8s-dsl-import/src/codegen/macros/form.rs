//! How the printer writes the value of a key, read off its row of the macros' table: the kind
//! of value the macro takes and the shape the manifest gives it.

use k8s_dsl_syntax::check::literal;
use k8s_dsl_syntax::keys::{self as syntax, Enum, Key, Kind, Number, Shape, Spec};

/// How a key's value is written.
#[derive(Clone, Copy)]
pub(crate) enum Form {
    /// A string literal.
    Str,
    /// An integer, zero or more.
    Int,
    /// An integer that may be negative (`-5`).
    Signed,
    /// A file mode, zero or more, written in octal (`0o644`).
    Mode,
    /// `true` or `false`.
    Bool,
    /// Seconds, written with units (`90` as `1m30s`).
    Duration,
    /// A bare enum value (`Never`), if the enum has it.
    Enum(Enum),
    /// A port number or a port name.
    Port,
    /// A quantity string (or number).
    Quantity,
    /// A number or a percentage string (`maxSurge: "25%"`).
    IntOrPercent,
    /// `["a", "b"]`.
    StrList,
    /// `[1, 2]`, each zero or more.
    IntList,
    /// `{ key: "value" }`.
    Map,
    /// `[{ name: "a" }]` written `["a"]` (`imagePullSecrets`).
    Names,
    /// `{ ... }`.
    Block(&'static Spec),
    /// `[ { ... }, ... ]`.
    Blocks(&'static Spec),
    /// The `sources` of a projected volume: as `Blocks`, but two `downwardAPI` sources in a
    /// row cannot be written (the macro, as the builder, merges them into one).
    Projections(&'static Spec),
    /// A container list, written as one list a role (`sidecars`, `classicAdapters`, ...).
    Containers,
}

impl Form {
    /// The form of a key of the table.
    pub(crate) fn of(key: &Key) -> Form {
        match (key.kind, key.shape) {
            (Kind::Str(_), _) => Form::Str,
            (Kind::Int(_), Shape::FileMode) => Form::Mode,
            (Kind::Int(Number::Int32), _) => Form::Signed,
            (Kind::Int(_), _) => Form::Int,
            (Kind::Bool, _) => Form::Bool,
            (Kind::Duration, _) => Form::Duration,
            (Kind::Enum(kind), _) => Form::Enum(kind),
            (Kind::Port, _) => Form::Port,
            (Kind::Quantity, _) => Form::Quantity,
            (Kind::IntOrPercent, _) => Form::IntOrPercent,
            (Kind::StrList(_), Shape::NamedItems) => Form::Names,
            (Kind::StrList(_), _) => Form::StrList,
            (Kind::IntList(_), _) => Form::IntList,
            (Kind::Map(..), _) => Form::Map,
            (Kind::Block(spec), _) => Form::Block(spec),
            (Kind::Blocks(spec), _) if std::ptr::eq(spec, &syntax::CONTAINER) => Form::Containers,
            (Kind::Blocks(spec), _) if std::ptr::eq(spec, &syntax::PROJECTION) => {
                Form::Projections(spec)
            }
            (Kind::Blocks(spec), _) => Form::Blocks(spec),
        }
    }
}

/// Whether `text` is a value of the enum, as the macros check it.
pub(crate) fn is_value(kind: Enum, text: &str) -> bool {
    literal::variant(kind, text).is_ok()
}
