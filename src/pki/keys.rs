//! RSA key pairs at our floor: 2048 bits, e = 65537.

use rsa::traits::PublicKeyParts;
use rsa::{PrivateKey, PublicKey};

use super::{PkiError, Result};

/// The key size we make and the least we accept.
pub const KEY_BITS: usize = 2048;

/// A fresh RSA-2048 key with e = 65537, from the platform CSPRNG.
pub fn generate() -> Result<PrivateKey> {
    Ok(PrivateKey::new(&mut getrandom::SysRng, KEY_BITS)?)
}

/// Refuses keys under 2048 bits or with an exponent other than 65537.
pub fn check_strength(key: &PublicKey) -> Result<()> {
    let bits = key.n().bit_width() as usize;
    if bits < KEY_BITS {
        return Err(PkiError::WeakKey(format!("{bits}-bit modulus")));
    }
    let e = key.e().to_be_bytes();
    let significant: Vec<u8> = e.iter().copied().skip_while(|b| *b == 0).collect();
    if significant != [0x01, 0x00, 0x01] {
        return Err(PkiError::WeakKey("public exponent is not 65537".to_owned()));
    }
    Ok(())
}
