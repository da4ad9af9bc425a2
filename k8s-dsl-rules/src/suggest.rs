//! "Did you mean" suggestions: the closest known word by edit distance.
//!
//! Words are compared after normalising case and dropping `_` and `-`, so `period_seconds`
//! finds `periodSeconds` and `high-prioirty` finds `high-priority`. The distance is the
//! Damerau–Levenshtein distance in its "optimal string alignment" form (insertions,
//! deletions, substitutions and transpositions of two adjacent characters each cost 1).
//!
//! ```
//! use k8s_dsl_rules::suggest;
//!
//! let keys = ["periodSeconds", "timeoutSeconds", "failureThreshold"];
//! assert_eq!(suggest::closest("period_seconds", keys), Some("periodSeconds"));
//! assert_eq!(suggest::closest("image", keys), None);
//! ```

/// Inputs and candidates longer than this (in characters, after normalising) are never
/// compared, so a megabyte of input costs no more than a short word.
const MAX_CHARS: usize = 64;

/// Lower-cases `text` and drops `_` and `-`; `None` when the result exceeds [`MAX_CHARS`].
fn normalise(text: &str) -> Option<Vec<char>> {
    let mut out = Vec::with_capacity(text.len().min(MAX_CHARS));
    for c in text.chars() {
        if c == '_' || c == '-' {
            continue;
        }
        for lower in c.to_lowercase() {
            if out.len() == MAX_CHARS {
                return None;
            }
            out.push(lower);
        }
    }
    Some(out)
}

/// The optimal-string-alignment distance between `a` and `b`.
fn distance(a: &[char], b: &[char]) -> usize {
    const FAR: usize = usize::MAX / 4;
    let n = b.len();
    let mut before_prev: Vec<usize> = vec![FAR; n + 1];
    let mut prev: Vec<usize> = (0..=n).collect();
    let mut cur: Vec<usize> = vec![FAR; n + 1];
    let mut last_a: Option<char> = None;
    for (i, &ca) in a.iter().enumerate() {
        if let Some(first) = cur.first_mut() {
            *first = i + 1;
        }
        let mut last_b: Option<char> = None;
        for (j, &cb) in b.iter().enumerate() {
            let cost = usize::from(ca != cb);
            let deletion = prev.get(j + 1).copied().unwrap_or(FAR) + 1;
            let insertion = cur.get(j).copied().unwrap_or(FAR) + 1;
            let substitution = prev.get(j).copied().unwrap_or(FAR) + cost;
            let mut best = deletion.min(insertion).min(substitution);
            if j > 0 && last_a == Some(cb) && last_b == Some(ca) {
                if let Some(&t) = before_prev.get(j - 1) {
                    best = best.min(t + 1);
                }
            }
            if let Some(slot) = cur.get_mut(j + 1) {
                *slot = best;
            }
            last_b = Some(cb);
        }
        last_a = Some(ca);
        std::mem::swap(&mut before_prev, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev.last().copied().unwrap_or(0)
}

/// The candidate closest to `input`, if one is close enough to be a likely typo.
///
/// Case, `_` and `-` are ignored (`period_seconds` → `periodSeconds`). A candidate qualifies
/// when its distance is at most `max(1, len / 3)`, `len` being the normalised input length;
/// on a tie the earliest candidate wins. Inputs or candidates longer than 64 characters are
/// not compared, so the cost stays bounded whatever the input.
///
/// ```
/// use k8s_dsl_rules::suggest::closest;
///
/// let classes = ["high-priority", "low-priority"];
/// assert_eq!(closest("high-prioirty", classes), Some("high-priority")); // a transposition
/// assert_eq!(closest("HighPriority", classes), Some("high-priority")); // case and `-` ignored
/// assert_eq!(closest("batch", classes), None); // nothing close enough
/// ```
pub fn closest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let wanted = normalise(input)?;
    if wanted.is_empty() {
        return None;
    }
    let limit = (wanted.len() / 3).max(1);
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        let Some(known) = normalise(candidate) else {
            continue;
        };
        if known.is_empty() || known.len().abs_diff(wanted.len()) > limit {
            continue;
        }
        let d = distance(&wanted, &known);
        if d <= limit && best.is_none_or(|(best_d, _)| d < best_d) {
            best = Some((d, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

/// `did you mean `x`?` for the closest candidate, if any is close enough (see [`closest`]).
///
/// ```
/// use k8s_dsl_rules::suggest::did_you_mean;
///
/// let volumes = ["html", "config", "cache"];
/// assert_eq!(did_you_mean("confg", volumes).as_deref(), Some("did you mean `config`?"));
/// assert_eq!(did_you_mean("logs", volumes), None);
/// ```
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    closest(input, candidates).map(|c| format!("did you mean `{c}`?"))
}

/// The fix for `input` that is not one of `values` (an enum's values): the value differing
/// only in case, else the closest value, else the values that `input` abbreviates, else a
/// pointer to the list. One wording for the builders and the macros.
///
/// ```
/// use k8s_dsl_rules::suggest::fix_for_value;
///
/// let actions = ["Count", "FailIndex", "FailJob", "Ignore"];
/// assert_eq!(fix_for_value("failjob", actions), "use `FailJob` (values are case-sensitive)");
/// assert_eq!(fix_for_value("Ignor", actions), "use `Ignore`");
/// assert_eq!(fix_for_value("Fail", actions), "use `FailIndex` or `FailJob`");
/// assert_eq!(fix_for_value("Stop", actions), "use one of the listed values");
/// ```
pub fn fix_for_value<'a>(input: &str, values: impl IntoIterator<Item = &'a str> + Clone) -> String {
    if let Some(v) = values
        .clone()
        .into_iter()
        .find(|v| v.eq_ignore_ascii_case(input))
    {
        return format!("use `{v}` (values are case-sensitive)");
    }
    if let Some(v) = closest(input, values.clone()) {
        return format!("use `{v}`");
    }
    let wanted = input.to_ascii_lowercase();
    let longer: Vec<String> = values
        .into_iter()
        .filter(|v| !wanted.is_empty() && v.to_ascii_lowercase().starts_with(&wanted))
        .map(|v| format!("`{v}`"))
        .collect();
    match longer.as_slice() {
        [] => "use one of the listed values".to_string(),
        [one] => format!("use {one}"),
        [rest @ .., last] => format!("use {} or {last}", rest.join(", ")),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::indexing_slicing)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str) -> usize {
        distance(
            &a.chars().collect::<Vec<_>>(),
            &b.chars().collect::<Vec<_>>(),
        )
    }

    #[test]
    fn distance_basics() {
        assert_eq!(d("", ""), 0);
        assert_eq!(d("abc", ""), 3);
        assert_eq!(d("", "abc"), 3);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("ab", "ba"), 1);
        assert_eq!(d("lables", "labels"), 1);
        assert_eq!(d("ca", "abc"), 3);
    }

    #[test]
    fn finds_the_documented_examples() {
        assert_eq!(
            closest(
                "period_seconds",
                ["initialDelaySeconds", "periodSeconds", "timeoutSeconds"]
            ),
            Some("periodSeconds")
        );
        assert_eq!(
            closest("lables", ["annotations", "labels", "name"]),
            Some("labels")
        );
        assert_eq!(
            closest("high-prioirty", ["low-priority", "high-priority"]),
            Some("high-priority")
        );
        assert_eq!(
            closest("Newver", ["Always", "OnFailure", "Never"]),
            Some("Never")
        );
    }

    #[test]
    fn far_words_are_not_suggested() {
        assert_eq!(closest("banana", ["Always", "OnFailure", "Never"]), None);
        assert_eq!(closest("x", ["abc"]), None);
        assert_eq!(closest("", ["a", ""]), None);
        assert_eq!(closest("abc", std::iter::empty()), None);
    }

    #[test]
    fn ties_go_to_the_first_candidate() {
        assert_eq!(closest("cat", ["bat", "hat"]), Some("bat"));
        assert_eq!(closest("cat", ["hat", "bat"]), Some("hat"));
    }

    #[test]
    fn unicode_is_compared_by_character() {
        assert_eq!(closest("zürich", ["Zurich", "Berlin"]), Some("Zurich"));
        assert_eq!(closest("日本語", ["日本", "中国"]), Some("日本"));
    }

    #[test]
    fn huge_inputs_are_cheap_and_give_nothing() {
        let big = "a".repeat(1 << 20);
        assert_eq!(closest(&big, ["a", "aa"]), None);
        assert_eq!(closest("aa", [big.as_str(), "ab"]), Some("ab"));
    }

    #[test]
    fn did_you_mean_formats() {
        assert_eq!(
            did_you_mean("Newver", ["Never"]).as_deref(),
            Some("did you mean `Never`?")
        );
        assert_eq!(did_you_mean("zzzzzz", ["Never"]), None);
    }
}
