//! RSA key pairs at our floor: 2048 bits, e = 65537.

use rsa::traits::PublicKeyParts;
use rsa::{BoxedUint, PrivateKey, PublicKey};

use super::{PkiError, Result};

/// The key size we make and the least we accept.
pub const KEY_BITS: usize = 2048;

/// A fresh RSA-2048 key with e = 65537, from the platform CSPRNG.
pub fn generate() -> Result<PrivateKey> {
    Ok(PrivateKey::new(&mut getrandom::SysRng, KEY_BITS)?)
}

/// The size of each of the two primes.
pub const PRIME_BITS: u32 = (KEY_BITS / 2) as u32;

/// One prime for an RSA-2048 key, found as the rsa crate finds its own: a random odd
/// 1024-bit start with its top two bits set (so that two of them make a 2048-bit modulus), then
/// the next candidate that passes the small-factor sieve and the Baillie-PSW test. The page
/// asks several workers for one each and builds the key from the first two ([`from_primes`]).
pub fn prime() -> Result<BoxedUint> {
    use crypto_primes::hazmat::SmallFactorsSieve;
    use crypto_primes::{Flavor, is_prime};
    let bits = std::num::NonZeroU32::new(PRIME_BITS).expect("1024 is not zero");
    loop {
        let mut bytes = [0u8; PRIME_BITS as usize / 8];
        getrandom::fill(&mut bytes).map_err(|e| PkiError::Random(e.to_string()))?;
        // Odd, and the top two bits set.
        bytes[0] |= 0b1100_0000;
        bytes[bytes.len() - 1] |= 1;
        let start = BoxedUint::from_be_slice(&bytes, PRIME_BITS)
            .map_err(|e| PkiError::Invalid(format!("{e:?}")))?;
        let mut sieve = SmallFactorsSieve::new(start, bits, false)
            .map_err(|e| PkiError::Invalid(e.to_string()))?;
        if let Some(found) = sieve.find(|candidate| is_prime(Flavor::Any, candidate)) {
            return Ok(found);
        }
    }
}

/// The RSA-2048 key of two primes from [`prime`], with e = 65537, checked as the crate checks
/// the keys it makes (and at our floor). Refused when the primes are equal, do not make 2048
/// bits or admit no private exponent: ask for another prime then.
pub fn from_primes(p: BoxedUint, q: BoxedUint) -> Result<PrivateKey> {
    if p == q {
        return Err(PkiError::WeakKey("p = q".to_owned()));
    }
    let key = PrivateKey::from_p_q(p, q, BoxedUint::from(65_537u32))?;
    if key.n().bit_width() as usize != KEY_BITS {
        return Err(PkiError::WeakKey("the modulus is not 2048 bits".to_owned()));
    }
    key.validate()?;
    check_strength(&key.to_public_key())?;
    Ok(key)
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
