import { Body, Controller, Get, Header, HttpCode, Param, Post, Req, StreamableFile } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { RequireRole } from '../auth/auth.guard';
import { attachmentDisposition } from './content-disposition';
import { HolderPdfRequestDto } from './dto/holder-pdf-request.dto';
import { PdfService, type CertificatePdf } from './pdf.service';

function pdfFile(pdf: CertificatePdf): StreamableFile {
  return new StreamableFile(pdf.bytes, {
    type: 'application/pdf',
    length: pdf.bytes.length,
    disposition: attachmentDisposition('certificate.pdf', pdf.filename),
  });
}

@Controller()
export class PdfController {
  constructor(private readonly pdfs: PdfService) {}

  @Post('api/v1/holder/certificate-pdf')
  @HttpCode(200)
  // The PDF shows the full ID number: no shared cache may keep it.
  @Header('Cache-Control', 'no-store')
  @ApiTags('public')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: "The holder's signed certificate PDF; any mismatch of number, name or ID number is the same 404",
  })
  async holderPdf(@Body() body: HolderPdfRequestDto, @Req() request: FastifyRequest): Promise<StreamableFile> {
    return pdfFile(await this.pdfs.holderPdf(body, request.ip));
  }

  @Get('api/v1/certificates/:certificateNo/pdf')
  @RequireRole('issuer', 'revoker', 'auditor', 'admin')
  @Header('Cache-Control', 'no-store')
  @ApiTags('office')
  @ApiProduces('application/pdf')
  @ApiOperation({ summary: 'The signed certificate PDF of any certificate, for the office' })
  async officePdf(@Param('certificateNo') certificateNo: string): Promise<StreamableFile> {
    return pdfFile(await this.pdfs.officePdf(certificateNo));
  }
}
