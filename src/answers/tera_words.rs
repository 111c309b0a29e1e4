//! Tera's own messages in the user's language: each message Tera writes
//! (in English, with names and types in it) matched against its pattern
//! and said again from the catalog, the names kept, the types said in
//! plain words ("een lijst", not `&[Value]`), and for an unknown field or
//! variable the nearest known one. A message no pattern matches is kept
//! as Tera wrote it.

/// `message` (Tera's) in the current language, and whether it is about a
/// name (an unknown or empty variable or field): then the names a
/// template can use help.
pub fn said_about(message: &str) -> (String, bool) {
    let about_names = ["Field `", "Variable `"].iter().any(|p| message.trim().starts_with(p));
    (said(message), about_names)
}

/// `message` (Tera's) in the current language.
pub fn said(message: &str) -> String {
    let m = message.trim();
    let t = |s: &str| type_words(s);
    let nearest = |name: &str, list: &str| {
        crate::diag::nearest(name, list.split(", ")).map(|n| crate::tr!("tera-did-you-mean", name = n))
    };
    if let Some([name, list]) = captures(m, "Field `{}` is not defined. Available fields: {}") {
        let hint = nearest(&name, &list).unwrap_or_else(|| "none".to_string());
        return crate::tr!("tera-field-unknown", name = name, fields = list, nearest = hint);
    }
    if let Some([name]) = captures(m, "Field `{}` is not defined.") {
        return crate::tr!("tera-field-unknown-bare", name = name);
    }
    if let Some([name, list]) = captures(m, "Variable `{}` is not defined. Available variables: {}") {
        let hint = nearest(&name, &list).unwrap_or_else(|| "none".to_string());
        return crate::tr!("tera-variable-unknown", name = name, variables = list, nearest = hint);
    }
    if let Some([name]) = captures(m, "Variable `{}` is not defined.") {
        return crate::tr!("tera-variable-unknown-bare", name = name);
    }
    if let Some([name]) = captures(m, "Variable `{}` exists but its value is undefined") {
        return crate::tr!("tera-variable-empty", name = name);
    }
    if let Some([expected, got]) = captures(m, "Invalid type for the value, expected `{}` but got `{}`") {
        return crate::tr!("tera-wrong-type", expected = t(&expected), got = t(&got));
    }
    if let Some([found]) = captures(m, "Math operations can only be done on numbers, found `{}`") {
        return crate::tr!("tera-math-numbers", found = t(&found));
    }
    if let Some([found]) = captures(m, "Only numbers can be used in arithmetic. This is a `{}`") {
        return crate::tr!("tera-math-numbers", found = t(&found));
    }
    if let Some([op, a, b]) = captures(m, "`{}` requires both operands to be numbers, found `{}` and `{}`") {
        return crate::tr!("tera-operands", op = op, a = t(&a), b = t(&b));
    }
    if m == "Cannot divide by 0" {
        return crate::tr!("tera-divide-by-zero");
    }
    if let Some([a, b]) = captures(m, "Cannot compare `{}` with `{}`") {
        return crate::tr!("tera-compare", a = t(&a), b = t(&b));
    }
    if let Some([found, expected]) = captures(m, "Found {} but expected {}.") {
        return crate::tr!("tera-found-expected", found = found, expected = expected);
    }
    if let Some([found]) = captures(m, "Found {} but was expecting `elif`, `else` or `endif`.") {
        return crate::tr!("tera-found-expected", found = found, expected = "`elif`, `else`, `endif`");
    }
    if m == "Unexpected end of input" {
        return crate::tr!("tera-unexpected-end");
    }
    if m == "Unexpected character" {
        return crate::tr!("tera-unexpected-character");
    }
    if let Some([name]) = captures(m, "Unknown template `{}`") {
        return crate::tr!("tera-unknown-template", name = name);
    }
    if let Some([name]) = captures(m, "Missing keyword argument `{}`") {
        return crate::tr!("tera-missing-argument", name = name);
    }
    if let Some([name]) = captures(m, "Keyword argument `{}` is defined more than once") {
        return crate::tr!("tera-argument-twice", name = name);
    }
    if let Some([kind]) = captures(m, "Iteration not possible on type `{}`") {
        return crate::tr!("tera-not-iterable", kind = t(&kind));
    }
    if let Some([kind]) = captures(m, "Value of type {} has no length") {
        return crate::tr!("tera-no-length", kind = t(&kind));
    }
    if m == "Tried to render a variable that is undefined" {
        return crate::tr!("tera-render-undefined");
    }
    if m == "Cannot index into an undefined value" {
        return crate::tr!("tera-index-undefined");
    }
    if let Some([quote, _]) = captures(m, "String opened with `{}` is missing its closing `{}`") {
        return crate::tr!("tera-string-unclosed", quote = quote);
    }
    if let Some([end, name]) = captures(m, "Closing tag '{}' doesn't match opening tag '{}'") {
        return crate::tr!("tera-closing-tag", end = end, name = name);
    }
    if let Some([s]) = captures(m, "The string `{}` cannot be converted to a float") {
        return crate::tr!("tera-not-a-number", value = s);
    }
    if let Some([kind]) = captures(m, "This filter can only be used on a number, received `{}`.") {
        return crate::tr!("tera-number-filter", kind = t(&kind));
    }
    message.to_string()
}

/// A type as Tera names it, in plain words.
fn type_words(kind: &str) -> String {
    let key = match kind.trim_matches('`') {
        "i64" | "u64" | "f64" | "i128" | "u128" | "usize" | "number" | "integer" | "float" => "number",
        "string" | "str" | "&str" | "String" => "text",
        "bool" => "bool",
        "&[Value]" | "Vec<Value>" | "array" | "list" => "list",
        "map" | "Map" | "object" => "map",
        "undefined" | "none" | "null" | "nothing" => "nothing",
        _ => return format!("`{kind}`"),
    };
    crate::i18n::word("tera-type", key)
}

/// The pieces of `message` where `pattern` says `{}`, when the rest is as
/// the pattern says; the last piece runs to the end.
fn captures<const N: usize>(message: &str, pattern: &str) -> Option<[String; N]> {
    let parts: Vec<&str> = pattern.split("{}").collect();
    if parts.len() != N + 1 {
        return None;
    }
    let mut rest = message.strip_prefix(parts[0])?;
    let mut out: Vec<String> = Vec::with_capacity(N);
    for (i, literal) in parts[1..].iter().enumerate() {
        let last = i + 1 == N;
        let end = match (last, literal.is_empty()) {
            (true, true) => rest.len(),
            (true, false) => rest.strip_suffix(literal).map(str::len)?,
            (false, _) => rest.find(literal)?,
        };
        out.push(rest[..end].to_string());
        rest = &rest[end + literal.len()..];
    }
    if !rest.is_empty() {
        return None;
    }
    out.try_into().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn teras_messages_are_said_again_with_their_names_plain_types_and_the_nearest_name() {
        // The library speaks English (the Dutch is tested through the binary).
        let cases = [
            (
                "Field `facebok` is not defined. Available fields: facebook, google, twitter",
                "the field `facebok` does not exist; the fields are facebook, google, twitter; did you mean `facebook`?",
            ),
            (
                "Invalid type for the value, expected `&[Value]` but got `string`",
                "the wrong kind of value: expected a list, but this is text",
            ),
            ("Cannot compare `u64` with `string`", "a number cannot be compared with text"),
            ("Something Tera says that no pattern knows", "Something Tera says that no pattern knows"),
        ];
        for (tera, said_again) in cases {
            assert_eq!(said(tera), said_again);
        }
    }

    #[test]
    fn a_pattern_matches_only_the_whole_message() {
        assert_eq!(
            captures::<1>("Unknown template `x.md`", "Unknown template `{}`"),
            Some(["x.md".to_string()])
        );
        assert_eq!(captures::<1>("Unknown template `x.md` and more", "Unknown template `{}`"), None);
        assert_eq!(
            captures::<2>("Cannot compare `u64` with `string`", "Cannot compare `{}` with `{}`"),
            Some(["u64".to_string(), "string".to_string()])
        );
    }
}
