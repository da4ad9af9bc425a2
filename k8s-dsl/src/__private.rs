//! Helpers used only by the expansions of `pod!`, `job!` and `cronjob!`. Not public API: no
//! semver guarantee, may change in any release.

use crate::rules::duration::Duration;

/// A duration the macro already parsed and checked (`10s` → `secs(10)`).
#[inline]
pub const fn secs(seconds: u32) -> Duration {
    Duration::seconds(seconds)
}

/// Applies `step` to `builder` once per item of a run-time collection (`labels: my_labels`).
#[inline]
pub fn each<B, T>(builder: B, items: impl IntoIterator<Item = T>, step: impl Fn(B, T) -> B) -> B {
    items.into_iter().fold(builder, step)
}

/// Applies `step` to `builder` when `on` is true (`readOnly: is_read_only`).
#[inline]
pub fn flag<B>(builder: B, on: bool, step: impl FnOnce(B) -> B) -> B {
    if on {
        step(builder)
    } else {
        builder
    }
}
