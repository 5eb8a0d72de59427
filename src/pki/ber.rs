//! BER to DER, for PKCS#12 files other software writes in BER: NSS (Firefox's store,
//! `pk12util`) writes indefinite lengths and OCTET STRINGs in pieces, inside and out. Bounded
//! like every parser of outside data: depth, size, and single-byte tags only (PKCS#12 uses no
//! others).

use super::{PkiError, Result};

/// How deep the tree may nest.
const MAX_DEPTH: usize = 32;
/// The largest file read (a `.p12` with a certificate chain is a few KB).
pub const MAX_INPUT: usize = 1024 * 1024;

fn invalid(what: &str) -> PkiError {
    PkiError::Invalid(format!("BER: {what}"))
}

/// `input` (one BER value) in DER: definite lengths, OCTET STRINGs in one piece, SET OF
/// elements in order, BOOLEAN true as `FF`. With `deep`, OCTET STRINGs holding a BER
/// SEQUENCE (PKCS#12 nests its parts so) are normalised too; without it their bytes stay as
/// written, which is what a PKCS#12 MAC covers.
pub fn to_der(input: &[u8], deep: bool) -> Result<Vec<u8>> {
    if input.len() > MAX_INPUT {
        return Err(invalid("too large"));
    }
    let mut pos = 0;
    let (tag, content) = element(input, &mut pos, 0, deep)?;
    if pos != input.len() {
        return Err(invalid("trailing bytes"));
    }
    Ok(encode(tag, &content))
}

fn encode(tag: u8, content: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = content.len();
    if len < 0x80 {
        out.push(len as u8);
    } else {
        let bytes: Vec<u8> = len
            .to_be_bytes()
            .into_iter()
            .skip_while(|b| *b == 0)
            .collect();
        out.push(0x80 | bytes.len() as u8);
        out.extend(bytes);
    }
    out.extend_from_slice(content);
    out
}

fn byte(input: &[u8], pos: &mut usize) -> Result<u8> {
    let b = *input.get(*pos).ok_or_else(|| invalid("truncated"))?;
    *pos += 1;
    Ok(b)
}

/// One value at `pos`: its tag and its content in DER.
fn element(input: &[u8], pos: &mut usize, depth: usize, deep: bool) -> Result<(u8, Vec<u8>)> {
    if depth > MAX_DEPTH {
        return Err(invalid("nested too deep"));
    }
    let tag = byte(input, pos)?;
    if tag & 0x1f == 0x1f {
        return Err(invalid("high tag number"));
    }
    let constructed = tag & 0x20 != 0;
    let first = byte(input, pos)?;
    let end = match first {
        0x80 if constructed => None,
        0x80 => return Err(invalid("indefinite length on a primitive value")),
        short if short < 0x80 => Some(usize::from(short)),
        long => {
            let count = usize::from(long & 0x7f);
            if count > 4 {
                return Err(invalid("length too long"));
            }
            let mut len = 0usize;
            for _ in 0..count {
                len = (len << 8) | usize::from(byte(input, pos)?);
            }
            Some(len)
        }
    }
    .map(|len| {
        pos.checked_add(len)
            .filter(|end| *end <= input.len())
            .ok_or_else(|| invalid("length past the end"))
    })
    .transpose()?;

    if !constructed {
        let end = end.unwrap_or(*pos);
        let mut content = input[*pos..end].to_vec();
        *pos = end;
        if tag == 0x01 && content.len() == 1 && content[0] != 0 {
            content[0] = 0xff;
        }
        if tag == 0x04 && deep {
            content = nested(content, depth, deep);
        }
        return Ok((tag, content));
    }

    // The pieces of an OCTET STRING are read as they are: only the joined string may hold a
    // nested value.
    let deep_children = deep && tag != 0x24;
    let mut children = Vec::new();
    loop {
        match end {
            Some(end) if *pos >= end => break,
            None if input.get(*pos..*pos + 2) == Some(&[0, 0]) => {
                *pos += 2;
                break;
            }
            _ => {}
        }
        children.push(element(input, pos, depth + 1, deep_children)?);
    }
    if let Some(end) = end
        && *pos != end
    {
        return Err(invalid("content overruns its length"));
    }
    if tag == 0x24 {
        // An OCTET STRING in pieces: one primitive string.
        let mut joined = Vec::new();
        for (child, content) in children {
            if child != 0x04 {
                return Err(invalid("a piece of an OCTET STRING that is not one"));
            }
            joined.extend(content);
        }
        if deep {
            joined = nested(joined, depth, deep);
        }
        return Ok((0x04, joined));
    }
    // PKCS#7 EncryptedContentInfo { contentType, algorithm, [0] IMPLICIT OCTET STRING }: BER
    // may send the [0] in pieces; DER has it primitive.
    if tag == 0x30
        && let [(0x06, _), (0x30, _), (0xa0, pieces)] = children.as_slice()
        && let Some(joined) = octet_pieces(pieces)
    {
        children[2] = (0x80, joined);
    }
    let mut encoded: Vec<Vec<u8>> = children.iter().map(|(t, c)| encode(*t, c)).collect();
    if tag == 0x31 {
        // SET OF: DER orders the elements by their encodings.
        encoded.sort();
    }
    Ok((tag, encoded.concat()))
}

/// The bytes of DER OCTET STRINGs one after another, joined; `None` for anything else.
fn octet_pieces(der: &[u8]) -> Option<Vec<u8>> {
    let mut pos = 0;
    let mut joined = Vec::new();
    while pos < der.len() {
        let (tag, content) = element(der, &mut pos, 0, false).ok()?;
        if tag != 0x04 {
            return None;
        }
        joined.extend(content);
    }
    Some(joined)
}

/// The content of an OCTET STRING that holds one whole BER SEQUENCE, in DER; other bytes as
/// they are.
fn nested(content: Vec<u8>, depth: usize, deep: bool) -> Vec<u8> {
    if content.first() != Some(&0x30) {
        return content;
    }
    let mut pos = 0;
    match element(&content, &mut pos, depth + 1, deep) {
        Ok((tag, inner)) if pos == content.len() => encode(tag, &inner),
        _ => content,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indefinite_lengths_and_pieces_become_der() {
        // SEQUENCE (indefinite) { OCTET STRING in two pieces "ab" "c", BOOLEAN 01 }
        let ber = [
            0x30, 0x80, 0x24, 0x80, 0x04, 0x02, b'a', b'b', 0x04, 0x01, b'c', 0x00, 0x00, 0x01,
            0x01, 0x01, 0x00, 0x00,
        ];
        assert_eq!(
            to_der(&ber, false).unwrap(),
            [0x30, 0x08, 0x04, 0x03, b'a', b'b', b'c', 0x01, 0x01, 0xff]
        );
        // DER stays as it is.
        let der = [0x30, 0x03, 0x02, 0x01, 0x05];
        assert_eq!(to_der(&der, true).unwrap(), der);
    }

    #[test]
    fn broken_or_hostile_input_is_refused() {
        assert!(to_der(&[0x30, 0x80, 0x02, 0x01], false).is_err(), "no end");
        assert!(to_der(&[0x04, 0x80, 0x00, 0x00], false).is_err());
        assert!(to_der(&[0x30, 0x85, 1, 1, 1, 1, 1], false).is_err());
        assert!(to_der(&[0x1f, 0x01, 0x00], false).is_err());
        let deep: Vec<u8> = std::iter::repeat_n([0x30, 0x80], 100).flatten().collect();
        assert!(to_der(&deep, false).is_err());
    }
}
