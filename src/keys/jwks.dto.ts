import { ApiProperty } from '@nestjs/swagger';

/** One published key (RFC 7517), with the authority it belongs to. */
export class PublishedJwkDto {
  @ApiProperty({ enum: ['amr', 'hrss'] }) authority!: string;
  @ApiProperty() kid!: string;
  @ApiProperty({ enum: ['EC'] }) kty!: string;
  @ApiProperty({ enum: ['P-256'] }) crv!: string;
  @ApiProperty({ description: 'base64url' }) x!: string;
  @ApiProperty({ description: 'base64url' }) y!: string;
  @ApiProperty({ enum: ['ES256'] }) alg!: string;
  @ApiProperty({ enum: ['sig'] }) use!: string;
  @ApiProperty({ type: [String], description: '[authority certificate, root certificate], standard base64 DER' })
  x5c!: string[];
}

/** The body of `GET /.well-known/jwks.json`: current and retired keys of both authorities. */
export class JwksDto {
  @ApiProperty({ type: [PublishedJwkDto] }) keys!: PublishedJwkDto[];
}
