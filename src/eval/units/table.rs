//! The unit table, as data: one line per unit, read by the parser, the
//! conversions, the help and the suggestions alike.
//!
//! A line is `symbols|long names|definition|dimension|prefixes`:
//! - symbols take short prefixes (`km`), long names take long ones
//!   (`kilometre`) and an `s` for the plural;
//! - the definition is the unit's size: numbers and units of earlier
//!   lines multiplied, `/` dividing and `^` a power (`5280 ft`, `nmi/h`,
//!   `1/2 qt`, `43560 ft^2`); a number is a decimal, optionally `/decimal`,
//!   optionally `p` and a power of π (`1/180p1`); a line of numbers alone
//!   is in SI base units (kg for mass). Then optionally `@` and the offset
//!   of a temperature scale from zero kelvin in the scale's own degrees.
//!   The definitions are resolved once, at first use, into exact factors;
//!   a line whose units do not multiply to its dimension does not resolve
//!   (a unit test checks that every line does);
//! - the dimension is powers of `m kg s A K mol cd bit rad`, empty for a
//!   number;
//! - prefixes: `p` every SI prefix, `l` those of a thousand and up, `d`
//!   those and the binary ones (data), empty for none; `c` marks a
//!   physical constant (no prefixes).
//!
//! Every definition here is exact (SI, the international yard
//! and pound of 1959, the US customary volumes), except `G`, which is the
//! CODATA 2018 value as written, and the tropical year, a mean value.
//! Where references differ the plain name is the common US or SI reading
//! and the other has a name of its own: `ton` is the short ton (`tonne`,
//! `long_ton`), `cal` the thermochemical calorie (`cal_IT`), `yr` the
//! Julian year (`tropical_year`), `mmHg` the conventional one (`Torr`).
//! A long name of two words is written with `_` (`light_year`); the parser
//! reads it from the two words too.

pub const UNITS: &str = "\
m|metre meter|1|m|p
g|gram gramme|1e-3|kg|p
s sec|second|1|s|p
A|ampere amp|1|A|p
K °K|kelvin|1@0|K|p
mol|mole|1|mol|p
cd|candela|1|cd|p
|molal|1|kg-1 mol|
bit b|bit|1|bit|d
B|byte octet|8 bit|bit|d
bps||1|s-1 bit|l
N|newton|1|m kg s-2|p
Pa|pascal|1|m-1 kg s-2|p
J|joule|1|m2 kg s-2|p
W|watt|1|m2 kg s-3|p
C|coulomb|1|s A|p
V|volt|1|m2 kg s-3 A-1|p
F|farad|1|m-2 kg-1 s4 A2|p
Ω Ω ohm|ohm|1|m2 kg s-3 A-2|p
S|siemens|1|m-2 kg-1 s3 A2|p
Wb|weber|1|m2 kg s-2 A-1|p
T|tesla|1|kg s-2 A-1|p
Mx|maxwell|1e-8 Wb|m2 kg s-2 A-1|
H|henry|1|m2 kg s-2 A-2|p
Hz|hertz|1|s-1|p
lm|lumen|1|cd|p
lx|lux|1|m-2 cd|p
Bq|becquerel|1|s-1|p
Gy|gray|1|m2 s-2|p
Sv|sievert|1|m2 s-2|p
kat|katal|1|s-1 mol|p
rad|radian|1|rad|p
ppm||1e-6||
ppb||1e-9||
ppt||1e-12||
|percent|1/100||
deg|degree|1/180p1|rad|
grad gon|gradian|1/200p1|rad|
turn rev|revolution|2p1|rad|
arcmin|arcminute|1/60 deg|rad|
arcsec|arcsecond|1/60 arcmin|rad|
min|minute|60 s|s|
h hr|hour|60 min|s|
day|day|24 h|s|
week wk|week|7 day|s|
|fortnight|2 week|s|
yr|year|365.25 day|s|
month|month|30.4375 day|s|
|tropical_year|31556925.216|s|
|decade|10 yr|s|
|century|100 yr|s|
L l|litre liter|dm^3|m3|p
t|tonne metric_ton|1000 kg|kg|l
ha|hectare|hm^2|m2|
|barn|1e-28 m^2|m2|p
bar|bar|1e5 Pa|m-1 kg s-2|p
mb||mbar|m-1 kg s-2|
atm|atmosphere|101325 Pa|m-1 kg s-2|
mmHg||133.322387415 Pa|m-1 kg s-2|
inHg||25.4 mmHg|m-1 kg s-2|
Torr torr||1/760 atm|m-1 kg s-2|
eV|electronvolt|1.602176634e-19 J|m2 kg s-2|p
Wh||W h|m2 kg s-2|p
Ah||A h|s A|p
cal|calorie|4.184 J|m2 kg s-2|p
cal_IT|calorie_IT|4.1868 J|m2 kg s-2|p
Cal||kcal|m2 kg s-2|
BTU Btu||1055.05585262 J|m2 kg s-2|
|therm|100000 BTU|m2 kg s-2|
erg||1e-7 J|m2 kg s-2|
dyn|dyne|1e-5 N|m kg s-2|
kgf|kilogram_force|9.80665 N|m kg s-2|
PS|metric_horsepower|75 kgf m/s|m2 kg s-3|
au|astronomicalunit|149597870700|m|
ly|lightyear light_year|9460730472580800|m|
pc|parsec|648000p-1 au|m|p
Å Å|angstrom ångström|1e-10|m|
in ″ \"|inch inches|2.54 cm|m|
ft ′ '|foot feet|12 in|m|
yd|yard|3 ft|m|
mi|mile|5280 ft|m|
nmi NM|nautical_mile|1852 m|m|
|furlong|220 yd|m|
|fathom|2 yd|m|
|rod|16.5 ft|m|
mil thou||1/1000 in|m|
acre|acre|43560 ft^2|m2|
gal|gallon|231 in^3|m3|
qt|quart|1/4 gal|m3|
pt|pint|1/2 qt|m3|
cup|cup|1/2 pt|m3|
floz fl_oz|fluidounce fluid_ounce|1/8 cup|m3|
tbsp|tablespoon|1/2 floz|m3|
tsp|teaspoon|1/3 tbsp|m3|
bbl|barrel|42 gal|m3|
|hogshead|63 gal|m3|
gal_imp|imperial_gallon|4.54609 L|m3|
qt_imp|imperial_quart|1/4 gal_imp|m3|
pt_imp|imperial_pint|1/2 qt_imp|m3|
floz_imp|imperial_fluid_ounce|1/20 pt_imp|m3|
lb lbs|pound|0.45359237 kg|kg|
oz|ounce|1/16 lb|kg|
ozt|troy_ounce|31.1034768 g|kg|
gr|grain|1/7000 lb|kg|
ct|carat|200 mg|kg|
st|stone|14 lb|kg|
ton|ton short_ton|2000 lb|kg|
|long_ton|2240 lb|kg|
lbf||0.45359237 kgf|m kg s-2|
psi||lbf/in^2|m-1 kg s-2|
hp|horsepower|550 ft lbf/s|m2 kg s-3|
mph||mi/h|m s-1|
mpg||mi/gal|m-2|
kph kmh||km/h|m s-1|
kn kt|knot|nmi/h|m s-1|
rpm||turn/min|s-1 rad|
°C degC ℃|celsius degree_celsius degrees_celsius|1@273.15|K|
°F degF ℉|fahrenheit degree_fahrenheit degrees_fahrenheit|5/9@459.67|K|
c||299792458 m/s|m s-1|c
g0||9.80665 m/s^2|m s-2|c
G||6.67430e-11|m3 kg-1 s-2|c
N_A||6.02214076e23|mol-1|c
k_B||1.380649e-23|m2 kg s-2 K-1|c
ℏ hbar|reduced_planck_constant|6.62607015e-34/2p-1|m2 kg s-1|c
ℎ h_planck|planck_constant|6.62607015e-34|m2 kg s-1|c
m_e|electron_mass|9.1093837015e-31|kg|c
q_e|elementary_charge|1.602176634e-19|s A|c
R|gas_constant|8.31446261815324|m2 kg s-2 K-1 mol-1|c
ε0 eps0|vacuum_permittivity|8.8541878128e-12|m-3 kg-1 s4 A2|c
μ0 µ0 mu0|vacuum_permeability|1.25663706212e-6|m kg s-2 A-2|c
|faraday_constant|96485.3321233100184|s A mol-1|c
σ_SB|stefan_boltzmann_constant|7.267133298464455937524802e-92/3.921938265248765040375566798035035217628025e-82p5|kg s-3 K-4|c";

/// Prefixes as `symbols:long name:power`, powers of ten, or of two after `b`.
pub const PREFIXES: &str = "\
Q:quetta:30 R:ronna:27 Y:yotta:24 Z:zetta:21 E:exa:18 P:peta:15 T:tera:12 G:giga:9 \
M:mega:6 k:kilo:3 h:hecto:2 da:deca:1 d:deci:-1 c:centi:-2 m:milli:-3 µ,μ,u:micro:-6 \
n:nano:-9 p:pico:-12 f:femto:-15 a:atto:-18 z:zepto:-21 y:yocto:-24 r:ronto:-27 \
q:quecto:-30 Ki:kibi:b10 Mi:mebi:b20 Gi:gibi:b30 Ti:tebi:b40 Pi:pebi:b50 Ei:exbi:b60 \
Zi:zebi:b70 Yi:yobi:b80";

/// Names of dimensions, for messages and the help: `name|dimension`.
pub const DIMENSIONS: &str = "\
length|m
mass|kg
time|s
electric current|A
temperature|K
amount of substance|mol
luminous intensity|cd
data size|bit
area|m2
volume|m3
speed|m s-1
acceleration|m s-2
force|m kg s-2
pressure|m-1 kg s-2
energy|m2 kg s-2
power|m2 kg s-3
electric charge|s A
voltage|m2 kg s-3 A-1
capacitance|m-2 kg-1 s4 A2
resistance|m2 kg s-3 A-2
conductance|m-2 kg-1 s3 A2
magnetic flux|m2 kg s-2 A-1
magnetic flux density|kg s-2 A-1
inductance|m2 kg s-2 A-2
frequency|s-1
angle|rad
angular velocity|s-1 rad
illuminance|m-2 cd
radiation dose|m2 s-2
catalytic activity|s-1 mol
data rate|s-1 bit";
